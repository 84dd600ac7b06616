// The "Kế hoạch" step, in a chunk of its own: the plan's reader (and Word's, when a .docx is opened) load only here.
import { Body1, Button, Caption1, Field, Input, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Select, Subtitle2, Textarea, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
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
  unitInput: { width: "100%", minWidth: 0 },
  unitActions: { display: "flex", flexShrink: 0, alignItems: "center" },
  editor: { flexBasis: "100%", display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, paddingBlock: tokens.spacingVerticalS, minWidth: 0 },
  task: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, paddingBlockEnd: tokens.spacingVerticalS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  taskRow: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  deadline: { width: "8rem" },
  move: { minWidth: 0, maxWidth: "100%", flexGrow: 1, flexBasis: "10rem" },
  // The unit list is as wide as its cell, not as its longest unit's name (it pushed "Bỏ nhiệm vụ" off a 320 px pane).
  select: { width: "100%", minWidth: 0, textOverflow: "ellipsis" },
});

/** A problem of the plan read, and the element id of the field it is about (none for a field the pane does not show). */
interface Problem {
  sentence: string;
  id: string | undefined;
}

/** The id of the field a schema path is about ("units.3.tasks.0.content" → "plan-units-3-tasks-0-content"). */
function fieldId(path: readonly (string | number)[]): string | undefined {
  const key = path.join("-");
  if (/^(movement|planNumber|planDate|year|reporting-receiver|signatory-name)$/.test(key)) return `plan-${key === "year" ? "planDate" : key}`;
  if (/^units-\d+-name$/.test(key) || /^units-\d+-tasks-\d+-(content|deadline)$/.test(key)) return `plan-${key}`;
  const unit = /^units-(\d+)/.exec(key);
  return unit ? `plan-units-${unit[1]}-name` : undefined;
}

/** The problem about a field, for its red mark and message. */
const problemOf = (problems: readonly Problem[], id: string) => problems.find((p) => p.id === id)?.sentence;

/** One unit's tasks, each correctable: its text, its deadline (dd/mm/yyyy, empty for a standing task), its unit; removable; one can be added. */
function TaskEditor({ unitIndex, draft, edit, remove, problems }: { unitIndex: number; draft: PlanDraft; edit: (change: (d: PlanDraft) => PlanDraft) => void; remove: (change: (d: PlanDraft) => PlanDraft, what: string) => void; problems: readonly Problem[] }) {
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
          <Field validationMessage={problemOf(problems, `plan-units-${unitIndex}-tasks-${k}-content`)}>
          <Textarea
            id={`plan-units-${unitIndex}-tasks-${k}-content`}
            aria-label={t("planTaskText", { n: k + 1 })}
            value={task.content}
            resize="vertical"
            onChange={(_, d) => edit((p) => setTasks(p, unit.tasks.map((x, j) => (j === k ? { ...x, content: d.value } : x))))}
          />
          </Field>
          <div className={styles.taskRow}>
            <Field label={t("planTaskDeadline")} validationMessage={badDeadline.has(k) ? t("dateInvalid") : problemOf(problems, `plan-units-${unitIndex}-tasks-${k}-deadline`)}>
              <Input
                id={`plan-units-${unitIndex}-tasks-${k}-deadline`}
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
  /** Each problem with the field it is about: the field is marked, and the problem's button goes to it. */
  const [problems, setProblems] = useState<Problem[]>([]);
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
      const seen = new Set<string>();
      setProblems(
        e.issues.flatMap((i) => {
          const sentence = planProblemSentence(i, d);
          if (seen.has(sentence)) return [];
          seen.add(sentence);
          return [{ sentence, id: fieldId(i.path) }];
        }),
      );
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

  /** The field to focus once it is drawn (a task's field is drawn when its unit is opened). */
  const [focusing, setFocusing] = useState<string | undefined>();
  useEffect(() => {
    if (!focusing) return;
    const el = document.getElementById(focusing);
    if (!el) return;
    el.scrollIntoView?.({ block: "center" });
    el.focus();
    setFocusing(undefined);
  }, [focusing, openUnit]);
  const goTo = (id: string) => {
    const task = /^plan-units-(\d+)-tasks-/.exec(id);
    if (task) setOpenUnit(Number(task[1]));
    setFocusing(id);
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
          <Field label={t("planMovement")} validationMessage={problemOf(problems, "plan-movement")}>
            <Input id="plan-movement" value={draft.movement ?? ""} onChange={(_, d) => edit((p) => ({ ...p, movement: d.value || null }))} />
          </Field>
          <div className={styles.row}>
            <Field label={t("planNumber")} hint={t("planNumberBlank")} validationMessage={problemOf(problems, "plan-planNumber")}>
              <Input id="plan-planNumber" value={draft.planNumber ?? ""} onChange={(_, d) => edit((p) => ({ ...p, planNumber: d.value.trim() || null }))} />
            </Field>
            <Field label={t("planDate")} validationMessage={dateText && readDate(dateText).kind !== "value" ? t("dateInvalid") : problemOf(problems, "plan-planDate")}>
              <Input
                id="plan-planDate"
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
          <Field label={t("planReceiver")} validationMessage={problemOf(problems, "plan-reporting-receiver")}>
            <Input id="plan-reporting-receiver" value={draft.reporting.receiver ?? ""} onChange={(_, d) => edit((p) => ({ ...p, reporting: { ...p.reporting, receiver: d.value || null } }))} />
          </Field>
          <Field label={t("planSigner")} validationMessage={problemOf(problems, "plan-signatory-name")}>
            <Input id="plan-signatory-name" value={draft.signatory.name ?? ""} onChange={(_, d) => edit((p) => ({ ...p, signatory: { ...p.signatory, name: d.value || null } }))} />
          </Field>
          <Subtitle2 as="h3" block>
            {t("planUnits", { units: draft.units.length, tasks })}
          </Subtitle2>
          <ul className={styles.list}>
            {draft.units.map((u, i) => (
              <li key={`${u.section}-${i}`} className={styles.unit}>
                <Field className={styles.unitName} validationMessage={problemOf(problems, `plan-units-${i}-name`)}>
                <Input
                  id={`plan-units-${i}-name`}
                  className={styles.unitInput}
                  aria-label={`${u.section}`}
                  value={u.name}
                  onChange={(_, d) => edit((p) => ({ ...p, units: p.units.map((x, j) => (j === i ? { ...x, name: d.value } : x)), milestones: p.milestones.map((m) => (m.unit === u.name ? { ...m, unit: d.value } : m)) }))}
                />
                </Field>
                <span className={styles.unitActions}>
                <Button size="small" appearance="subtle" aria-expanded={openUnit === i} onClick={() => setOpenUnit(openUnit === i ? undefined : i)}>
                  {t("planUnitTasks", { count: u.tasks.length })}
                </Button>
                <Button size="small" appearance="subtle" aria-label={t("planRemoveUnit", { unit: u.name })} onClick={() => remove((p) => ({ ...p, units: p.units.filter((_, j) => j !== i) }), u.name || u.section)}>
                  ✕
                </Button>
                </span>
                {openUnit === i && <TaskEditor unitIndex={i} draft={draft} edit={edit} remove={remove} problems={problems} />}
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
                  {problems.map((p) => (
                    <li key={p.sentence}>
                      {p.sentence}
                      {p.id && (
                        <>
                          {" "}
                          <Button size="small" appearance="transparent" aria-label={t("planFixLabel", { problem: p.sentence })} onClick={() => goTo(p.id!)}>
                            {t("planFix")}
                          </Button>
                        </>
                      )}
                    </li>
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
