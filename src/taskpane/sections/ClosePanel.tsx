import { Body1, Button, Checkbox, Field, Input, makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { closePeriod, lockClosedRows, reopenPeriod } from "../../domain/close/closeJob";
import { formatCount, formatMoment } from "../../domain/format";
import type { Period } from "../../domain/period";
import { usePane } from "../paneContext";
import { PaneResult } from "../PaneResult";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/**
 * Closing a period (chốt số liệu) once its report is sent (the report section also asks when the
 * report is made); the closed rows locked on request, or unlocked to type new rows; a period
 * reopened only with a reason, logged.
 */
export default function ClosePanel({ period }: { period: Period | undefined }) {
  const { port, t, run, busy, today } = usePane();
  const styles = useStyles();
  const [lock, setLock] = useState(false);
  const [reopening, setReopening] = useState(false);
  const [reason, setReason] = useState("");
  const sheets = (list: readonly string[]) => list.map((s) => `"${s}"`).join(", ");

  const close = (p: Period) =>
    void run(
      () => closePeriod(port, p, { today, ...(lock ? { lock: { now: formatMoment(new Date()) } } : {}) }),
      (r) => `${t("closeDone", { period: p.label, rows: formatCount(r.rows), sheet: r.sheet })}${r.locked ? t("closeLockedToo", { locked: formatCount(r.locked.rows) }) : ""}`,
      { writes: true, slot: "close" },
    );
  const locking = (mode: "lock" | "unlock") =>
    void run(
      () => lockClosedRows(port, mode, { now: formatMoment(new Date()) }),
      (r) => (mode === "lock" ? t("lockDone", { rows: formatCount(r.rows), sheets: sheets(r.sheets) }) : t("unlockDone", { sheets: sheets(r.sheets) })),
      { writes: true, slot: "close" },
    );
  const reopen = (p: Period) =>
    void run(
      async () => {
        await reopenPeriod(port, p, { today, now: formatMoment(new Date()), reason });
        setReopening(false);
        setReason("");
      },
      () => t("reopenDone", { period: p.label }),
      { writes: true, slot: "close" },
    );

  return (
    <section aria-labelledby="close-title" className={styles.panel}>
      <Subtitle2 as="h2" block id="close-title">
        {t("closeTitle")}
      </Subtitle2>
      <Body1 block>{t("closeIntro")}</Body1>
      <Checkbox checked={lock} onChange={(_, d) => setLock(d.checked === true)} label={t("closeLock")} />
      <div className={styles.row}>
        <Button disabled={busy || !period} onClick={() => period && close(period)}>
          {t("closePeriod")}
        </Button>
        <Button disabled={busy} onClick={() => locking("lock")}>
          {t("lockRows")}
        </Button>
        <Button disabled={busy} onClick={() => locking("unlock")}>
          {t("unlockRows")}
        </Button>
        <Button disabled={busy || !period} aria-expanded={reopening} onClick={() => setReopening((v) => !v)}>
          {t("reopenPeriod")}
        </Button>
      </div>
      {reopening && period && (
        <div className={styles.panel}>
          <Field label={t("reopenReason")} hint={t("reopenReasonHint")} required>
            <Input value={reason} onChange={(_, d) => setReason(d.value)} />
          </Field>
          <div className={styles.row}>
            <Button appearance="primary" disabled={busy || reason.trim() === ""} onClick={() => reopen(period)}>
              {t("reopenGo", { period: period.label })}
            </Button>
          </div>
        </div>
      )}
      <PaneResult slot="close" />
    </section>
  );
}
