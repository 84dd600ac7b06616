import { Body1, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { TableData } from "../../domain/workbook";
import { usePane } from "../paneContext";
import { PaneResult } from "../PaneResult";
import { serialToIso } from "../../domain/dates";
import { formatDate } from "../../domain/format";


/** A setting as text; a date (a serial on a "Ngày…" row) as dd/mm/yyyy. */
function show(v: unknown, key: unknown): string {
  if (typeof v === "number" && typeof key === "string" && key.startsWith("Ngày")) {
    const iso = serialToIso(v);
    return iso ? formatDate(iso) : String(v);
  }
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? String(v) : "";
}

/** The plan's settings as `Thông tin chung` holds them. */
export function InfoSection() {
  const { port, t, run } = usePane();
  const [table, setTable] = useState<TableData | null | undefined>();
  useEffect(() => {
    void run(
      () => port.readTables(["tblThongTin"]),
      (m) => {
        setTable(m.get("tblThongTin") ?? null);
        return undefined;
      },
    );
  }, [port]);
  if (table === undefined) return <PaneResult slot="info" />;
  if (table === null) return <Body1>{t("infoEmpty")}</Body1>;
  return (
    <Table aria-label={t("tabInfo")} size="small">
      <TableHeader>
        <TableRow>
          {table.headers.slice(0, 2).map((h) => (
            <TableHeaderCell key={h}>{h}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {table.rows.map((r, i) => (
          <TableRow key={i}>
            <TableCell>{show(r[0], null)}</TableCell>
            <TableCell style={{ whiteSpace: "pre-line" }}>{show(r[1], r[0])}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
