// The "Kế hoạch" step, in a chunk of its own: the plan's reader (and Word's, when a .docx is opened) load only here.
import { Body1, Button, Caption1, Field, Input, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Select, Subtitle2, Textarea, tokens } from "@fluentui/react-components";
import { useRef, useState } from "react";
import { readDate } from "../../domain/cells/date";
import { formatDate } from "../../domain/format";
import { parsePlanText, type PlanDraft } from "../../domain/plan/parseText";
import type { PlanDefinition, PlanUnit } from "../../domain/plan/schema";
import { TRACKER_SHEETS } from "../../domain/sheets/prefill";
import { errorText } from "../../i18n";
import { usePane } from "../paneContext";

const useStyles = makeStyles({
  step: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  unit: { display: "flex", flexWrap: "wrap", alignItems: "flex-start", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  // A unit's name on its own line, the whole width of the pane ("Ban Chỉ huy Quân sự xã" was cut at 320 px).
  unitName: { flexGrow: 1, flexBasis: "100%", minWidth: 0 },
  unitActions: { display: "flex", flexShrink: 0, alignItems: "center" },
  editor: { flexBasis: "100%", display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, paddingBlock: tokens.spacingVerticalS, minWidth: 0 },
  task: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, paddingBlockEnd: tokens.spacingVerticalS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  taskRow: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  deadline: { width: "8rem" },
  move: { minWidth: 0, maxWidth: "100%", flexGrow: 1, flexBasis: "10rem" },
  // The unit list is as wide as its cell, not as its longest unit's name (it pushed "Bỏ nhiệm vụ" off a 320 px pane).
  select: { width: "100%", minWidth: 0, textOverflow: "ellipsis" },
});

/** One unit's tasks, each correctable: its text, its deadline (dd/mm/yyyy, empty for a standing task), its unit; removable; one can be added. */
function TaskEditor({ unitIndex, draft, edit, remove }: { unitIndex: number; draft: PlanDraft; edit: (change: (d: PlanDraft) => PlanDraft) => void; remove: (change: (d: PlanDraft) => PlanDraft, what: string) => void }) {
  const { t } = usePane();
  const styles = useStyles();
  const [badDeadline, setBadDeadline] = useState<Set<number>>(new Set());
  const unit = draft.units[unitIndex];
  if (!unit) return null;
  const setTasks = (p: PlanDraft, tasks: PlanUnit["tasks"]) => ({ ...p, units: p.units.map((u, j) => (j === unitIndex ? { ...u, tasks } : u)) });
  return (
    <div className={styles.editor}>
      {unit.tasks.map((task, k) => (
        <div key={`${unitIndex}-${k}-${unit.tasks.length}`} className={styles.task}>
          <Textarea
            aria-label={t("planTaskText", { n: k + 1 })}
            value={task.content}
            resize="vertical"
            onChange={(_, d) => edit((p) => setTasks(p, unit.tasks.map((x, j) => (j === k ? { ...x, content: d.value } : x))))}
          />
          <div className={styles.taskRow}>
            <Field label={t("planTaskDeadline")} validationMessage={badDeadline.has(k) ? t("dateInvalid") : undefined}>
              <Input
                className={styles.deadline}
                placeholder={t("datePlaceholder")}
                defaultValue={task.deadline ? formatDate(task.deadline) : ""}
                onBlur={(e) => {
                  const text = e.target.value.trim();
                  const r = readDate(text);
                  const bad = text !== "" && r.kind !== "value";
                  setBadDeadline((s) => {
                    const n = new Set(s);
                    if (bad) n.add(k);
                    else n.delete(k);
                    return n;
                  });
                  if (bad) return;
                  edit((p) => setTasks(p, unit.tasks.map((x, j) => (j !== k ? x : r.kind === "value" ? { ...x, deadline: r.value } : { content: x.content, section: x.section }))));
                }}
              />
            </Field>
            <Field label={t("planTaskMove")} className={styles.move}>
              <Select
                className={styles.select}
                select={{ className: styles.select }}
                value={String(unitIndex)}
                onChange={(_, d) => {
                  const to = Number(d.value);
                  edit((p) => ({
                    ...p,
                    units: p.units.map((u, j) =>
                      j === unitIndex ? { ...u, tasks: u.tasks.filter((_, x) => x !== k) } : j === to ? { ...u, tasks: [...u.tasks, { ...task, section: u.section }] } : u,
                    ),
                  }));
                }}
              >
                {draft.units.map((u, j) => (
                  <option key={j} value={String(j)}>
                    {u.name || `(${u.section})`}
                  </option>
                ))}
              </Select>
            </Field>
            <Button size="small" onClick={() => remove((p) => setTasks(p, unit.tasks.filter((_, j) => j !== k)), t("planTaskText", { n: k + 1 }))}>
              {t("planTaskRemove")}
            </Button>
          </div>
        </div>
      ))}
      <Button size="small" onClick={() => edit((p) => setTasks(p, [...unit.tasks, { content: "", section: unit.section }]))}>
        {t("planTaskAdd")}
      </Button>
    </div>
  );
}

/**
 * Reads a plan pasted or opened (.docx, .txt), shows what was understood and what could not be
 * placed, lets the clerk correct the header fields, rename or remove units, and hands the checked
 * plan on. Nothing is written here.
 */
export function PlanStep({ onPlan }: { onPlan: (plan: PlanDefinition) => void }) {
  const { t, locale, files } = usePane();
  const styles = useStyles();
  const [text, setText] = useState("");
  const [draft, setDraft] = useState<PlanDraft | undefined>();
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const [notices, setNotices] = useState<string[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const [fileError, setFileError] = useState<string | undefined>();
  const [dateText, setDateText] = useState("");
  const input = useRef<HTMLInputElement>(null);
  const [openUnit, setOpenUnit] = useState<number | undefined>();

  const check = async (d: PlanDraft): Promise<PlanDefinition | undefined> => {
    const { parsePlan, PlanDefinitionError, planProblemSentence } = await import(/* webpackChunkName: "plan-schema" */ "../../domain/plan/parsePlan");
    try {
      setProblems([]);
      return parsePlan(d);
    } catch (e) {
      if (!(e instanceof PlanDefinitionError)) throw e;
      setProblems([...new Set(e.issues.map((i) => planProblemSentence(i, d)))]);
      return undefined;
    }
  };
  const read = async (source: string) => {
    const r = parsePlanText(source);
    setDraft(r.plan);
    setUnplaced(r.unplaced);
    setNotices(r.notices);
    setDateText(r.plan.planDate ? formatDate(r.plan.planDate) : "");
    await check(r.plan);
  };
  const open = async (file: File) => {
    setFileError(undefined);
    try {
      const content = await files.planText(new Uint8Array(await file.arrayBuffer()), file.name);
      setText(content);
      await read(content);
    } catch (e) {
      setFileError(errorText(e, { file: file.name }, locale));
    }
  };
  const edit = (change: (d: PlanDraft) => PlanDraft) => {
    if (!draft) return;
    const next = change(draft);
    setDraft(next);
    setUndo(undefined);
    void check(next);
  };
  /** The plan before the last removal, and what was removed: "Hoàn tác" puts it back. */
  const [undo, setUndo] = useState<{ draft: PlanDraft; what: string } | undefined>();
  const remove = (change: (d: PlanDraft) => PlanDraft, what: string) => {
    if (!draft) return;
    const before = draft;
    edit(change);
    setUndo({ draft: before, what });
  };

  const tasks = draft?.units.reduce((n, u) => n + u.tasks.length, 0) ?? 0;
  return (
    <div className={styles.step}>
      <Body1 block>{t("planNone")}</Body1>
      <Field label={t("planPaste")}>
        <Textarea value={text} resize="vertical" rows={6} onChange={(_, d) => setText(d.value)} />
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" disabled={text.trim() === ""} onClick={() => void read(text)}>
          {t("planRead")}
        </Button>
        <input ref={input} type="file" accept=".docx,.txt" hidden aria-label={t("planOpenFile")} onChange={(e) => e.target.files?.[0] && void open(e.target.files[0])} />
        <Button onClick={() => input.current?.click()}>{t("planOpenFile")}</Button>
      </div>
      {fileError && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{fileError}</MessageBarBody>
        </MessageBar>
      )}
      {draft && (
        <section aria-labelledby="plan-understood" className={styles.step}>
          <Subtitle2 as="h2" block id="plan-understood">
            {t("planUnderstood")}
          </Subtitle2>
          <Field label={t("planMovement")}>
            <Input value={draft.movement ?? ""} onChange={(_, d) => edit((p) => ({ ...p, movement: d.value || null }))} />
          </Field>
          <div className={styles.row}>
            <Field label={t("planNumber")} hint={t("planNumberBlank")}>
              <Input value={draft.planNumber ?? ""} onChange={(_, d) => edit((p) => ({ ...p, planNumber: d.value.trim() || null }))} />
            </Field>
            <Field label={t("planDate")} validationMessage={dateText && readDate(dateText).kind !== "value" ? t("dateInvalid") : undefined}>
              <Input
                value={dateText}
                placeholder={t("datePlaceholder")}
                onChange={(_, d) => {
                  setDateText(d.value);
                  const r = readDate(d.value);
                  edit((p) => (r.kind === "value" ? { ...p, planDate: r.value, year: Number(r.value.slice(0, 4)) } : { ...p, planDate: null }));
                }}
              />
            </Field>
          </div>
          <Field label={t("planReceiver")}>
            <Input value={draft.reporting.receiver ?? ""} onChange={(_, d) => edit((p) => ({ ...p, reporting: { ...p.reporting, receiver: d.value || null } }))} />
          </Field>
          <Field label={t("planSigner")}>
            <Input value={draft.signatory.name ?? ""} onChange={(_, d) => edit((p) => ({ ...p, signatory: { ...p.signatory, name: d.value || null } }))} />
          </Field>
          <Subtitle2 as="h3" block>
            {t("planUnits", { units: draft.units.length, tasks })}
          </Subtitle2>
          <ul className={styles.list}>
            {draft.units.map((u, i) => (
              <li key={`${u.section}-${i}`} className={styles.unit}>
                <Input
                  className={styles.unitName}
                  aria-label={`${u.section}`}
                  value={u.name}
                  onChange={(_, d) => edit((p) => ({ ...p, units: p.units.map((x, j) => (j === i ? { ...x, name: d.value } : x)), milestones: p.milestones.map((m) => (m.unit === u.name ? { ...m, unit: d.value } : m)) }))}
                />
                <span className={styles.unitActions}>
                <Button size="small" appearance="subtle" aria-expanded={openUnit === i} onClick={() => setOpenUnit(openUnit === i ? undefined : i)}>
                  {t("planUnitTasks", { count: u.tasks.length })}
                </Button>
                <Button size="small" appearance="subtle" aria-label={t("planRemoveUnit", { unit: u.name })} onClick={() => remove((p) => ({ ...p, units: p.units.filter((_, j) => j !== i) }), u.name || u.section)}>
                  ✕
                </Button>
                </span>
                {openUnit === i && <TaskEditor unitIndex={i} draft={draft} edit={edit} remove={remove} />}
              </li>
            ))}
          </ul>
          {undo && (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>{t("planRemoved", { what: undo.what })}</MessageBarBody>
              <MessageBarActions>
                <Button
                  size="small"
                  onClick={() => {
                    setDraft(undo.draft);
                    setUndo(undefined);
                    void check(undo.draft);
                  }}
                >
                  {t("undo")}
                </Button>
              </MessageBarActions>
            </MessageBar>
          )}
          <Button
            onClick={() =>
              edit((p) => {
                const section = `${p.units[0]?.section.split(".")[0] ?? "III"}.${p.units.length + 1}`;
                setOpenUnit(p.units.length);
                return { ...p, units: [...p.units, { name: "", group: "Chuyên môn", section, tasks: [{ content: "", section }] }] };
              })
            }
          >
            {t("planAddUnit")}
          </Button>
          {draft.milestones.length > 0 && (
            <>
              <Subtitle2 as="h3" block>
                {t("planMilestones")}
              </Subtitle2>
              <ul className={styles.list}>
                {draft.milestones.map((m) => (
                  <li key={m.section}>
                    <Caption1>
                      {m.section}, {formatDate(m.deadline)}: {m.content}
                    </Caption1>
                  </li>
                ))}
              </ul>
            </>
          )}
          <Caption1 block>{t("planTrackers", { trackers: draft.trackers.map((x) => TRACKER_SHEETS[x]).join(", ") })}</Caption1>
          {notices.map((n) => (
            <MessageBar key={n} intent="warning" layout="multiline">
              <MessageBarBody>{n}</MessageBarBody>
            </MessageBar>
          ))}
          {unplaced.length > 0 && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{t("planUnplaced", { count: unplaced.length })}</MessageBarTitle>
                <ul className={styles.list}>
                  {unplaced.map((l, i) => (
                    <li key={i}>{l}</li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          {problems.length > 0 && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{t("planProblems")}</MessageBarTitle>
                <ul className={styles.list}>
                  {problems.map((l) => (
                    <li key={l}>{l}</li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          {problems.length > 0 && (
            <Caption1 block id="plan-use-why">
              {t("planUseWhy", { count: problems.length })}
            </Caption1>
          )}
          <Button
            appearance="primary"
            disabled={problems.length > 0}
            aria-describedby={problems.length > 0 ? "plan-use-why" : undefined}
            onClick={() =>
              void check(draft).then((plan) => {
                if (plan) onPlan(plan);
              })
            }
          >
            {t("planUse")}
          </Button>
        </section>
      )}
    </div>
  );
}
