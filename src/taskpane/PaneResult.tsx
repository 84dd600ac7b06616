import { Button, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { useContext, useEffect, useRef, type ReactNode, type RefObject } from "react";
import { formatCount } from "../domain/format";
import { PaneResults, usePane, type ResultSlot } from "./paneContext";

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  progress: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
});

/**
 * Brings what just appeared into view and moves the focus to it, so that a result lands where the
 * clerk is looking and a screen reader reads it: called with a key that changes each time it shows.
 */
export function useRevealed(ref: RefObject<HTMLElement | null>, key: unknown, focus = true): void {
  useEffect(() => {
    if (key === undefined || key === null || key === false) return;
    const el = ref.current;
    if (!el) return;
    // Not every engine has it (jsdom; old webviews take only a boolean): the focus still moves.
    if (typeof el.scrollIntoView === "function") el.scrollIntoView({ block: "nearest" });
    if (focus) el.focus({ preventScroll: true });
  }, [ref, key, focus]);
}

/** A box that comes into view with the focus on it when `show` changes (a warning to act on, a preview). */
export function Revealed({ show, children, alert = false }: { show: unknown; children: ReactNode; alert?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useRevealed(ref, show);
  return (
    <div ref={ref} tabIndex={-1} role={alert ? "alert" : "region"} style={{ outline: "none" }}>
      {children}
    </div>
  );
}

/**
 * The result of the jobs started from one place of the pane, shown there, right under their
 * buttons: the job running (with its progress and "Dừng"), then what it did or why it failed.
 */
export function PaneResult({ slot }: { slot: ResultSlot }) {
  const results = useContext(PaneResults);
  const { t } = usePane();
  const styles = useStyles();
  const box = useRef<HTMLDivElement>(null);
  const busy = useRef<HTMLDivElement>(null);
  const message = results?.message?.slot === slot ? results.message : undefined;
  const running = results?.running === slot;
  useRevealed(box, message?.id);
  // The job running is brought into view but not focused: a job run after another (the templates read
  // again after they are added) would take the focus from the result just shown and leave it on nothing.
  useRevealed(busy, running ? "running" : undefined, false);
  return (
    <>
      {running && (
        <div ref={busy} tabIndex={-1} role="status" aria-live="polite" className={styles.progress} style={{ outline: "none" }}>
          {results?.progress ? (
            <>
              <ProgressBar value={results.progress.total > 0 ? results.progress.read / results.progress.total : 0} aria-label={t("busy")} />
              <span>
                {t("progressRows", { read: formatCount(results.progress.read), total: formatCount(results.progress.total) })}{" "}
                <Button size="small" onClick={() => results.cancel()}>
                  {t("cancel")}
                </Button>
              </span>
            </>
          ) : (
            <Spinner size="tiny" label={t("busy")} />
          )}
        </div>
      )}
      {message && (
        <div ref={box} tabIndex={-1} style={{ outline: "none" }} data-result={slot}>
          <MessageBar intent={message.intent} role={message.intent === "success" ? "status" : "alert"} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{message.title}</MessageBarTitle>
              {Array.isArray(message.body) ? (
                <ul className={styles.list}>
                  {message.body.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              ) : (
                message.body
              )}
            </MessageBarBody>
          </MessageBar>
        </div>
      )}
    </>
  );
}
