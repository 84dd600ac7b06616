// Builds the task pane. The production base URL is one setting: ADDIN_BASE_URL (default https://localhost:3000).
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_URL = "https://localhost:3000";

module.exports = (_env, argv) => {
  const production = argv.mode === "production";
  const baseUrl = (process.env.ADDIN_BASE_URL || DEV_URL).replace(/\/$/, "");
  return {
    mode: production ? "production" : "development",
    devtool: production ? "source-map" : "eval-source-map",
    entry: { taskpane: "./src/host/taskpane.tsx", commands: "./src/commands/commands.ts" },
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].[contenthash:8].js", clean: true },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // The .xlsx adapter's package library (JSZip) asks for these in Node only.
      fallback: { fs: false, crypto: false, path: false, os: false, zlib: false, util: false, stream: false, buffer: false, events: false },
    },
    module: {
      rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true } } }],
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"] }),
      new HtmlWebpackPlugin({ filename: "commands.html", template: "./src/commands/commands.html", chunks: ["commands"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/help.html", to: "help.html" },
          { from: "src/commands/message.html", to: "message.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (production ? content.toString().split(DEV_URL).join(baseUrl) : content),
          },
        ],
      }),
    ],
    performance: { hints: false },
  };
};
