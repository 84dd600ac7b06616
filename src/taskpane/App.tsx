import { Body1, FluentProvider, Title3, webLightTheme } from "@fluentui/react-components";
import { SHEET_SPECS } from "../domain/sheets/specs";

/** Placeholder pane: lists the sheets the templates provide. The working pane comes with its own issue. */
export function App() {
  return (
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 16 }}>
        <Title3 as="h1">Sổ theo dõi phong trào</Title3>
        <Body1 as="p">Các trang tính của sổ:</Body1>
        <ul>
          {SHEET_SPECS.map((s) => (
            <li key={s.name}>{s.name}</li>
          ))}
        </ul>
      </main>
    </FluentProvider>
  );
}
