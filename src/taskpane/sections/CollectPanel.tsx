import { Body1, Button, Caption1, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Subtitle2, tokens } from "@fluentui/react-components";
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from "react";
import { consolidateWorkbooks, formFiles, mergeReturns, NoPlanError, prepareForms, readReturnedFiles, readReturnsStatus, recordIssued } from "../../domain/collect/collect";
import { asciiName } from "../../domain/text";
import { formId } from "../../domain/collect/issued";
import { mergeMessages } from "../../i18n/mergeText";
import { defaultDue, dueTooEarly } from "../../domain/collect/forms";
import type { DateChoice } from "../DateField";
import type { MergePlan, ReturnedFile } from "../../domain/collect/merge";
import type { ReturnsStatus } from "../../domain/collect/status";
import { consolidationNotes } from "../../domain/collect/consolidate";
import { formatCount, formatDate, formatMoment } from "../../domain/format";
import type { Period } from "../../domain/period";
import { errorText, t as message } from "../../i18n";
import { usePane } from "../paneContext";
import { PaneResult, Revealed } from "../PaneResult";
import { bytesOf, DOCX_TYPE, saveFile, XLSX_TYPE } from "../saveFile";
import type { DocModel } from "../../domain/report/document";
import type { Reminder } from "../../domain/collect/remind";

const DateField = lazy(() => import(/* webpackChunkName: "datepicker" */ "../DateField").then((m) => ({ default: m.DateField })));

const useStyles = makeStyles({
  due: { maxWidth: "16rem" },
  panel: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  message: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, paddingBlock: tokens.spacingVerticalXS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  messageText: { margin: 0, overflowWrap: "anywhere" },
  messages: { listStyle: "none", margin: 0, paddingInlineStart: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
});

/** A text to the clipboard: the Clipboard API where the host allows it, else a selected text area copied. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try {
      return document.execCommand("copy");
    } finally {
      area.remove();
    }
  }
}

/** One late sender's message, shown whole (a village head's name, the file, the dates), with a button that copies it. */
function ReminderMessage({ m }: { m: Reminder }) {
  const { t } = usePane();
  const styles = useStyles();
  const [copied, setCopied] = useState(false);
  return (
    <li className={styles.message}>
      <Body1 as="p" className={styles.messageText}>
        {m.message}
      </Body1>
      <div>
        <Button size="small" aria-label={t(copied ? "remindCopiedFor" : "remindCopyFor", { who: m.owner })} onClick={() => void copyText(m.message).then(setCopied)}>
          {copied ? t("remindCopied") : t("remindCopy")}
        </Button>
      </div>
    </li>
  );
}

const now = () => formatMoment(new Date());
/** A new form id, from the browser's random source. */
const newFormId = () => formId(crypto.getRandomValues(new Uint8Array(15)));

/**
 * The units' and villages' own reports for the period: which came back (on time or late) and which
 * not, the forms to send as one .zip, and returned forms merged after a preview of what changes,
 * what conflicts and what is refused.
 */
export default function CollectPanel({ period }: { period: Period | undefined }) {
  const { port, files, t, run, busy, today, locale } = usePane();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const many = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<ReturnsStatus | undefined>();
  const [pending, setPending] = useState<{ returns: ReturnedFile[]; plan: MergePlan; unreadable: { file: string; reason: string }[] } | undefined>();
  const from = period?.from;
  const to = period?.to;
  // The returns' due date: five days after the period unless the clerk chooses another; a new period starts again from its own.
  const [due, setDue] = useState<DateChoice>(() => (to ? { iso: defaultDue({ to }), invalid: false } : { invalid: false }));
  useEffect(() => setDue(to ? { iso: defaultDue({ to }), invalid: false } : { invalid: false }), [to]);
  const dueError = !to ? undefined : due.invalid ? (due.typed ? t("dateInvalidTyped", { typed: due.typed }) : t("dateInvalid")) : due.iso && dueTooEarly({ to }, due.iso) ? t("collectDueEarly", { due: formatDate(due.iso), end: formatDate(to) }) : undefined;
  const dueReady = due.iso !== undefined && dueError === undefined;

  const refresh = useCallback(async () => {
    if (!from || !to) return setStatus(undefined);
    try {
      setStatus(await readReturnsStatus(port, { from, to }));
    } catch {
      setStatus(undefined);
    }
  }, [port, from, to]);
  useEffect(() => {
    setPending(undefined);
    void refresh();
  }, [refresh]);

  const makeForms = async () => {
    if (!period || !dueReady || !due.iso) return;
    const dueDate = due.iso;
    await run(
      async () => {
        let forms;
        try {
          forms = await prepareForms(port, period, today, dueDate, newFormId);
        } catch (e) {
          if (e instanceof NoPlanError) return undefined;
          throw e;
        }
        const made = await formFiles(forms, period, files);
        const zip = { bytes: await files.zip(made), name: `Phieu-bao-cao-${asciiName(period.code)}.zip` };
        // Recorded in the workbook before the forms leave: their returns are checked against this record.
        await recordIssued(port, forms);
        return { ...zip, count: forms.length };
      },
      (r) => {
        if (!r) return { intent: "warning", title: t("collectNoPlan") };
        saveFile(r.bytes, r.name, "application/zip");
        return t("collectDone", { count: formatCount(r.count), file: r.name, due: formatDate(dueDate) });
      },
      { writes: true, slot: "collect" },
    );
  };

  const choose = async (chosen: FileList | null) => {
    if (!chosen || chosen.length === 0 || !period) return;
    const list = [...chosen];
    if (input.current) input.current.value = "";
    await run(
      async () => {
        const read = await readReturnedFiles(list.map((f) => ({ name: f.name, read: () => bytesOf(f) })), files, (e, file) => errorText(e, { file }, locale));
        const preview = await mergeReturns(port, read.returns, today, now(), { dryRun: true, period });
        return { returns: read.returns, plan: preview.plan, unreadable: read.unreadable };
      },
      (r) => {
        setPending(r);
        return undefined;
      },
      { slot: "collect" },
    );
  };

  /** Several communes' workbooks summed for the period: the summary downloaded as a workbook of its own. */
  const sumCommunes = async (chosen: FileList | null) => {
    if (!chosen || chosen.length === 0 || !period) return;
    const list = [...chosen];
    if (many.current) many.current.value = "";
    await run(
      async () => {
        const done = await consolidateWorkbooks(list.map((f) => ({ name: f.name, read: () => bytesOf(f) })), period, files, (e, file) => errorText(e, { file }, locale));
        return { ...done, name: `Tong-hop-cac-xa-${asciiName(period.code)}.xlsx` };
      },
      (r) => {
        saveFile(r.bytes, r.name, XLSX_TYPE);
        const title = t("consolidateDone", { count: formatCount(r.summary.summed.length), file: r.name });
        const notes = consolidationNotes(r.summary);
        return notes.length === 0 ? title : { intent: "warning", title, body: notes };
      },
      { slot: "collect" },
    );
  };

  const apply = async () => {
    if (!pending || !period) return;
    await run(
      () => mergeReturns(port, pending.returns, today, now(), { period }),
      (r) => {
        setPending(undefined);
        void refresh();
        const changed = r.applied.length + r.plan.appends.length + r.plan.receipts.length + r.plan.lines.length;
        return changed === 0 ? t("mergeNothing") : t("mergeDone", { files: formatCount(r.plan.merged.length), cells: formatCount(r.applied.length), rows: formatCount(r.plan.appends.length) });
      },
      { writes: true, changesData: true, slot: "collect" },
    );
  };

  /** The letter to the late senders added as a sheet; their messages shown to copy. */
  const [reminders, setReminders] = useState<{ missing: Reminder[]; doc: DocModel } | undefined>();
  useEffect(() => setReminders(undefined), [from, to]);
  const remind = async () => {
    if (!period) return;
    await run(
      async () => {
        const r = await import(/* webpackChunkName: "papers" */ "../../domain/collect/remind");
        try {
          return await r.addReminder(port, period, today);
        } catch (e) {
          if (e instanceof r.NothingToRemindError) return { nothing: errorText(e, {}, locale) };
          throw e;
        }
      },
      (r) => {
        if ("nothing" in r) {
          setReminders(undefined);
          return { intent: "warning", title: r.nothing };
        }
        setReminders({ missing: r.reminders.missing, doc: r.doc });
        return t("remindDone", { sheet: r.sheet, count: formatCount(r.reminders.missing.length), due: formatDate(r.reminders.newDue) });
      },
      { writes: true, slot: "collect" },
    );
  };
  const remindWord = async () => {
    if (!reminders || !period) return;
    const doc = reminders.doc;
    await run(
      async () => ({ bytes: await files.word([doc], period.label), name: `Don-doc-${asciiName(period.code)}.docx` }),
      (r) => {
        saveFile(r.bytes, r.name, DOCX_TYPE);
        return t("wordDone", { file: r.name });
      },
      { slot: "collect", keepMessage: true },
    );
  };

  const p = pending?.plan;
  const late = status?.received.filter((r) => r.late) ?? [];
  return (
    <section aria-labelledby="collect-title" className={styles.panel}>
      <Subtitle2 as="h3" id="collect-title">
        {t("collectTitle")}
      </Subtitle2>
      <Body1 as="p" style={{ margin: 0 }}>
        {status ? t("collectStatus", { received: formatCount(status.received.length), expected: formatCount(status.expected), late: formatCount(late.length) }) : t("collectNone")}
      </Body1>
      {status && status.missing.length > 0 && (
        <Caption1 as="p" style={{ margin: 0 }}>
          {t("collectMissing", { names: status.missing.map((m) => m.name).join("; ") })}
        </Caption1>
      )}
      {to && (
        <Suspense fallback={<Spinner size="tiny" />}>
          <DateField
            className={styles.due}
            label={t("collectDue")}
            value={due}
            onChange={setDue}
            error={dueError}
            hint={t("collectDueHint", { due: formatDate(defaultDue({ to })) })}
            placeholder={t("datePlaceholder")}
            calendarLabel={t("pickOnCalendar", { field: t("collectDue") })}
            locale={locale}
            today={today}
          />
        </Suspense>
      )}
      <div className={styles.row}>
        <Button disabled={busy || !period || !dueReady} onClick={() => void makeForms()}>
          {t("collectMake")}
        </Button>
        <input ref={input} type="file" accept=".xlsx" multiple hidden aria-label={t("collectMerge")} onChange={(e) => void choose(e.target.files)} />
        <Button disabled={busy || !period} onClick={() => input.current?.click()}>
          {t("collectMerge")}
        </Button>
        <input ref={many} type="file" accept=".xlsx" multiple hidden aria-label={t("consolidate")} onChange={(e) => void sumCommunes(e.target.files)} />
        <Button disabled={busy || !period} onClick={() => many.current?.click()}>
          {t("consolidate")}
        </Button>
        <Button disabled={busy || !period} onClick={() => void remind()}>
          {t("remind")}
        </Button>
      </div>
      <PaneResult slot="collect" />
      {reminders && (
        <section aria-label={t("remindMessages")} className={styles.panel}>
          <Caption1 as="p" style={{ margin: 0 }}>
            {t("remindMessages")}
          </Caption1>
          <ul className={styles.messages}>
            {reminders.missing.map((m) => (
              <ReminderMessage key={`${m.kind}-${m.owner}`} m={m} />
            ))}
          </ul>
          <div>
            <Button disabled={busy} onClick={() => void remindWord()}>
              {t("remindWord")}
            </Button>
          </div>
        </section>
      )}
      {p && pending && (
        <Revealed show={pending} alert={p.conflicts.length + p.refused.length + p.invalid.length + p.notices.length + pending.unreadable.length > 0}>
        <MessageBar intent={p.conflicts.length + p.refused.length + p.invalid.length + p.notices.length + pending.unreadable.length > 0 ? "warning" : "info"} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("mergePreview", { cells: formatCount(p.updates.length), rows: formatCount(p.appends.length), files: formatCount(p.merged.length) })}</MessageBarTitle>
            <ul className={styles.list}>
              {p.merged.map((m) => (
                <li key={`m-${m.file}`}>{message("cli-merge-file", { file: m.file, who: m.who, updates: p.updates.filter((u) => u.file === m.file).length, appends: p.appends.filter((a) => a.file === m.file).length, conflicts: p.conflicts.filter((c) => c.file === m.file).length }, locale)}</li>
              ))}
              {mergeMessages({ plan: p }, pending.unreadable, locale).map((line, i) => (
                <li key={`n-${i}`}>{line}</li>
              ))}
            </ul>
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="primary" disabled={busy || p.merged.length === 0} onClick={() => void apply()}>
              {t("mergeApply")}
            </Button>
            <Button size="small" onClick={() => setPending(undefined)}>
              {t("mergeCancel")}
            </Button>
          </MessageBarActions>
        </MessageBar>
        </Revealed>
      )}
    </section>
  );
}
