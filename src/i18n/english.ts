// The English words, registered when this module loads: by the command line and the tests at start,
// by the pane on demand (`loadEnglish`).
import { registerEnglish } from "./index";
import { en } from "./en";
import { at, rulesEn } from "./rules.en";
import { registerPaneEnglish } from "./pane";
import { paneEn } from "./pane.en";

registerEnglish({ ...en, ...rulesEn }, at);
registerPaneEnglish(paneEn);
