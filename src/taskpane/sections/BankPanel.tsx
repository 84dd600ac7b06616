import { Body1, Button, Caption1, Checkbox, Field, makeStyles, MessageBar, MessageBarBody, Select, Subtitle2, tokens } from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { BankPreview, StatementFile, StatementRead } from "../../domain/bank/session";
import type { StatementMapping, StatementRole } from "../../domain/bank/statement";
import { formatCount, formatDate, formatMoment } from "../../domain/format";
import type { PaneKey } from "../../i18n/pane";
import { usePane } from "../paneContext";
import { PaneResult } from "../PaneResult";
import { bytesOf } from "../saveFile";
import { paperTarget } from "../../domain/paperMark";
import { RECONCILIATION_SHEET } from "../../domain/bank/records";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  file: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, paddingBlock: tokens.spacingVerticalXS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  roles: { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(11rem, 1fr))", gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  candidates: { listStyle: "none", margin: 0, paddingInlineStart: 0, display: "flex", flexDirection: "column", maxHeight: "24rem", overflowY: "auto" },
  remark: { display: "block", overflowWrap: "anywhere", paddingInlineStart: "2rem" },
});

const ROLES: [StatementRole, PaneKey][] = [
  ["date", "roleDate"],
  ["credit", "roleCredit"],
  ["debit", "roleDebit"],
  ["amount", "roleAmount"],
  ["reference", "roleReference"],
  ["remark", "roleRemark"],
  ["balance", "roleBalance"],
];

const PROBLEM: Record<NonNullable<StatementRead["problem"]>, PaneKey> = {
  "no-header": "bankNoHeader",
  "no-amount": "bankNoAmount",
  "too-many-lines": "bankTooMany",
  "other-account": "bankOtherAccount",
  "unreadable-file": "bankUnreadableFile",
};

const HOW: Record<NonNullable<StatementRead["source"]>, PaneKey> = { headers: "bankHowHeaders", remembered: "bankHowRemembered", named: "bankHowNamed" };

/** The credits drawn at a time: a page of checkboxes draws in a few milliseconds; five hundred froze the page 150 ms. */
const PAGE = 50;

const signed = (v: number) => (v < 0 ? `-${formatCount(-v)}` : formatCount(v));

/** One statement file: how it was read (or why not), and its columns to confirm or correct. */
function StatementFileView({ read, map, onMap }: { read: StatementRead; map: StatementMapping | undefined; onMap: (m: StatementMapping) => void }) {
  const { t } = usePane();
  const styles = useStyles();
  const unsure = read.problem === "no-header" || read.problem === "no-amount" || (read.source !== undefined && read.source !== "headers");
  const [open, setOpen] = useState(unsure);
  const shown = map ?? read.mapping ?? {};
  return (
    <div className={styles.file}>
      <Body1 block>
        <strong>{read.file}</strong>
      </Body1>
      {read.problem ? (
        <MessageBar intent={read.problem === "other-account" || read.problem === "unreadable-file" || read.problem === "too-many-lines" ? "error" : "warning"} layout="multiline">
          <MessageBarBody>{t(PROBLEM[read.problem], { account: read.account ?? "" })}</MessageBarBody>
        </MessageBar>
      ) : (
        <Caption1 block>
          {t("bankRead", { lines: formatCount(read.lines ?? 0), row: read.headerRow ?? 0, account: read.account ? t("bankAccount", { account: read.account }) : "", how: t(HOW[read.source ?? "headers"]) })}
          {read.unreadable ? ` ${t("bankUnreadable", { count: formatCount(read.unreadable) })}` : ""}
        </Caption1>
      )}
      {read.columns.length > 0 && read.problem !== "unreadable-file" && (
        <>
          {!open && (
            <div>
              <Button size="small" onClick={() => setOpen(true)}>
                {t("bankEditColumns")}
              </Button>
            </div>
          )}
          {open && (
            <fieldset className={styles.roles} style={{ border: "none", margin: 0, padding: 0 }}>
              <legend>
                <Caption1>{t("bankColumns", { file: read.file })}</Caption1>
              </legend>
              {ROLES.map(([role, label]) => (
                <Field key={role} label={t(label)} size="small">
                  <Select
                    size="small"
                    value={shown[role] === undefined ? "" : String(shown[role])}
                    onChange={(_, d) => {
                      const next: StatementMapping = { ...shown };
                      if (d.value === "") delete next[role];
                      else next[role] = Number(d.value);
                      onMap(next);
                    }}
                  >
                    <option value="">{t("bankNone")}</option>
                    {read.columns.map((c, i) => (
                      <option key={c} value={String(i)}>
                        {c}
                      </option>
                    ))}
                  </Select>
                </Field>
              ))}
            </fieldset>
          )}
        </>
      )}
    </div>
  );
}

/**
 * Bank statements reconciled with the ledger: the files opened, each file's columns shown (to confirm
 * where unsure), what matched and what did not, the balances side by side; the credits the ledger
 * lacks ticked to be added, then the reconciliation written to its sheet. Reading and matching run
 * where the pane's long jobs run (a worker); the page writes what it is given.
 */
export default function BankPanel() {
  const { port, jobs, t, run, busy, today, readOptions } = usePane();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<StatementFile[]>([]);
  const [maps, setMaps] = useState<(StatementMapping | undefined)[]>([]);
  const [preview, setPreview] = useState<BankPreview | undefined>();
  const [ticked, setTicked] = useState<ReadonlySet<number>>(new Set());
  const [shown, setShown] = useState(PAGE);

  const read = async (given: StatementFile[], named: (StatementMapping | undefined)[]) => {
    const withMaps = given.map((f, i) => (named[i] ? { ...f, map: named[i] } : { name: f.name, bytes: f.bytes }));
    await run(
      () => jobs.bankRead(withMaps, readOptions()),
      (p) => {
        setPreview(p);
        setTicked(new Set());
        setShown(PAGE);
        return undefined;
      },
      { slot: "bank" },
    );
  };
  const choose = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    const chosen = await Promise.all([...list].map(async (f) => ({ name: f.name, bytes: await bytesOf(f) })));
    if (input.current) input.current.value = "";
    setFiles(chosen);
    setMaps(chosen.map(() => undefined));
    setPreview(undefined);
    await read(chosen, chosen.map(() => undefined));
  };
  const write = () =>
    void run(
      async () => {
        const w = await jobs.bankWrite([...ticked], await paperTarget(port, RECONCILIATION_SHEET), formatMoment(new Date()), today);
        await port.applyGrids(w.grids);
        return w;
      },
      (w) => {
        // The ledger changed: what was read is out of date until the statements are read again.
        setPreview(undefined);
        setTicked(new Set());
        return {
          intent: w.left.statementOnly + w.left.ledgerOnly === 0 && !w.kept ? "success" : "warning",
          title: t("bankDone", { sheet: w.sheet, added: formatCount(w.added), statementOnly: formatCount(w.left.statementOnly), ledgerOnly: formatCount(w.left.ledgerOnly) }),
          ...(w.kept ? { body: t("bankKept", { kept: w.kept, sheet: w.sheet }) } : {}),
        };
      },
      { writes: true, changesData: ticked.size > 0, slot: "bank" },
    );

  const r = preview?.result;
  const candidates = r?.candidates ?? [];
  const toggle = (id: number, on: boolean) =>
    setTicked((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const named = maps.some((m) => m !== undefined);

  return (
    <section aria-labelledby="bank-title" className={styles.panel}>
      <Subtitle2 as="h2" block id="bank-title">
        {t("bankTitle")}
      </Subtitle2>
      <Caption1 block>{t("bankIntro")}</Caption1>
      <div className={styles.row}>
        <Button disabled={busy} onClick={() => input.current?.click()}>
          {t("bankOpen")}
        </Button>
        <input ref={input} type="file" accept=".xlsx,.csv,.txt" multiple hidden aria-label={t("bankOpen")} onChange={(e) => void choose(e.target.files)} />
        {files.length > 0 && (named || preview?.reads.some((x) => x.problem === "no-header" || x.problem === "no-amount")) && (
          <Button disabled={busy || !named} onClick={() => void read(files, maps)}>
            {t("bankReread")}
          </Button>
        )}
      </div>
      {preview?.reads.map((x, i) => (
        <StatementFileView key={`${x.file}-${i}`} read={x} map={maps[i]} onMap={(m) => setMaps((prev) => prev.map((old, k) => (k === i ? m : old)))} />
      ))}
      {r && (
        <section aria-labelledby="bank-result" className={styles.panel}>
          <Body1 block id="bank-result">
            <strong>{t("bankResultTitle", { from: formatDate(r.from), to: formatDate(r.to) })}</strong>
          </Body1>
          <ul className={styles.list}>
            <li>{t("bankMatched", { count: formatCount(r.counts.matched) })}</li>
            <li>
              {t("bankStatementOnly", { count: formatCount(r.counts.statementOnly) })}
              {r.counts.nearMisses > 0 && ` ${t("bankNearMisses", { near: formatCount(r.counts.nearMisses) })}`}
            </li>
            <li>{t("bankLedgerOnly", { count: formatCount(r.counts.ledgerOnly) })}</li>
            <li>{t("bankOthers", { duplicates: formatCount(r.counts.duplicates), fees: formatCount(r.counts.fees), reversed: formatCount(r.counts.reversed) })}</li>
            <li>
              {r.balances.statement === undefined
                ? t("bankNoBalance", { ledger: signed(r.balances.ledger) })
                : t("bankBalances", { statement: signed(r.balances.statement), ledger: signed(r.balances.ledger), difference: signed(r.balances.difference ?? 0) })}
            </li>
          </ul>
          {candidates.length > 0 && (
            <>
              <Caption1 block>{t("bankCandidates")}</Caption1>
              <div className={styles.row}>
                <Button size="small" disabled={busy} onClick={() => setTicked(new Set(candidates.map((c) => c.id)))}>
                  {t("bankSelectAll")}
                </Button>
                <Button size="small" disabled={busy || ticked.size === 0} onClick={() => setTicked(new Set())}>
                  {t("bankSelectNone")}
                </Button>
              </div>
              <ul className={styles.candidates}>
                {candidates.slice(0, shown).map((c) => (
                  <li key={c.id}>
                    <Checkbox checked={ticked.has(c.id)} onChange={(_, d) => toggle(c.id, d.checked === true)} label={t("bankCandidate", { date: formatDate(c.date), amount: formatCount(c.amount), donor: c.donor })} />
                    <Caption1 className={styles.remark}>
                      {c.reference ? `${c.reference} · ` : ""}
                      {c.remark}
                    </Caption1>
                  </li>
                ))}
              </ul>
              {candidates.length > shown && (
                <div>
                  <Button size="small" appearance="subtle" onClick={() => setShown((n) => n + PAGE)}>
                    {t("bankShowMore", { shown: formatCount(shown), total: formatCount(candidates.length) })}
                  </Button>
                </div>
              )}
              {r.candidateCount > candidates.length && <Caption1 block>{t("bankCandidatesMore", { count: formatCount(r.candidateCount - candidates.length), shown: formatCount(candidates.length) })}</Caption1>}
            </>
          )}
          <div className={styles.row}>
            <Button appearance="primary" disabled={busy} onClick={write}>
              {ticked.size > 0 ? t("bankWriteAdd", { count: formatCount(ticked.size) }) : t("bankWrite")}
            </Button>
          </div>
        </section>
      )}
      <PaneResult slot="bank" />
    </section>
  );
}
