import { Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

/** One part of a bar: how many, in which colour, under which name in the legend. */
export interface BarPart {
  key: string;
  value: number;
  color: string;
}

/** One bar: its name, the figure at its right, the sentence a screen reader says, its parts, and the track's whole. */
export interface BarRow {
  name: string;
  figure: string;
  said: string;
  parts: readonly BarPart[];
  /** The track's whole when the parts fill only some of it (households, of which some signed). */
  whole?: number;
  /** A mark on the track, as a share of the whole (the plan's target). */
  mark?: number;
}

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  head: { display: "flex", justifyContent: "space-between", alignItems: "baseline", columnGap: tokens.spacingHorizontalS },
  // Names wrap whole at any width: nothing is cut for a tooltip that touch and the keyboard cannot reach.
  name: { minWidth: 0, overflowWrap: "anywhere" },
  figure: { fontWeight: tokens.fontWeightSemibold, whiteSpace: "nowrap" },
  // The parts share the track in proportion to their values, after the gaps between them: nothing runs past its end.
  track: { position: "relative", display: "flex", columnGap: "2px", height: "12px", marginTop: tokens.spacingVerticalXXS },
  // What is not yet filled (households not yet signed), visible on the light and the dark theme.
  rest: { backgroundColor: tokens.colorNeutralStroke1 },
  part: { flexBasis: 0, minWidth: "2px", height: "100%" },
  mark: {
    position: "absolute",
    top: "-5px",
    width: 0,
    height: 0,
    transform: "translateX(-4px)",
    borderLeft: "4px solid transparent",
    borderRight: "4px solid transparent",
    borderTop: `5px solid ${tokens.colorNeutralForeground1}`,
  },
  legend: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS },
  key: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS },
  swatch: { width: "12px", height: "12px", flexShrink: 0 },
});

/**
 * Horizontal bars drawn as boxes: each bar's name wraps whole above it, its figure at the right, its
 * parts side by side in proportion to their values inside the track, and its sentence for screen
 * readers. (The chart library's bars cut long names and ran their parts past the track's end.)
 */
export function Bars({ rows, legend, label }: { rows: readonly BarRow[]; legend?: readonly { title: string; color: string }[]; label: string }) {
  const styles = useStyles();
  return (
    <>
      <ul className={styles.list} aria-label={label}>
        {rows.map((r, i) => {
          const filled = r.parts.reduce((s, p) => s + p.value, 0);
          const rest = r.whole !== undefined ? Math.max(r.whole - filled, 0) : 0;
          return (
            <li key={`${i}-${r.name}`}>
              <div className={styles.head} aria-hidden>
                <Caption1 className={styles.name} data-bar-name>
                  {r.name}
                </Caption1>
                <Caption1 className={styles.figure}>{r.figure}</Caption1>
              </div>
              <div className={styles.track} role="img" aria-label={r.said} data-bar-track>
                {r.parts
                  .filter((p) => p.value > 0)
                  .map((p) => (
                    <span key={p.key} className={styles.part} style={{ flexGrow: p.value, backgroundColor: p.color }} data-bar-part />
                  ))}
                {rest > 0 && <span className={mergeClasses(styles.part, styles.rest)} style={{ flexGrow: rest }} />}
                {r.mark !== undefined && <span className={styles.mark} style={{ left: `${Math.min(Math.max(r.mark, 0), 1) * 100}%` }} />}
              </div>
            </li>
          );
        })}
      </ul>
      {legend && (
        <ul className={styles.legend} aria-hidden>
          {legend.map((l) => (
            <li key={l.title} className={styles.key}>
              <span className={styles.swatch} style={{ backgroundColor: l.color }} />
              <Caption1>{l.title}</Caption1>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
