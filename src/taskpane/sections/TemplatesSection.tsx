import { Body1, Button, Caption1 } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { chauSonPlan } from "../../domain/plan/chauSon";
import { applyTemplates, previewTemplates } from "../../domain/template/applyTemplates";
import type { TemplateNote } from "../../domain/template/planTemplates";
import { t as message } from "../../i18n";
import { usePane } from "../paneContext";

/** Shows what the templates would add, then adds them. */
export function TemplatesSection() {
  const { port, t, run, busy, locale } = usePane();
  const [notes, setNotes] = useState<TemplateNote[] | undefined>();

  const refresh = () =>
    run(
      () => previewTemplates(port, chauSonPlan),
      (p) => {
        setNotes(p.notes);
        return undefined;
      },
      { keepMessage: true },
    );
  useEffect(() => {
    void refresh();
  }, [port]);

  const apply = async () => {
    await run(() => applyTemplates(port, chauSonPlan), () => t("templatesDone"), { writes: true });
    await refresh();
  };

  return (
    <section aria-labelledby="templates-title">
      <Body1 as="h2" id="templates-title">{notes && notes.length === 0 ? t("templatesNothing") : t("templatesIntro")}</Body1>
      <ul>
        {(notes ?? []).map((n, i) => (
          <li key={i}>
            <Caption1>{message(n.code, { ...n.params, sheet: n.sheet }, locale)}</Caption1>
          </li>
        ))}
      </ul>
      <Button appearance="primary" disabled={busy || !notes || notes.length === 0} onClick={() => void apply()}>
        {t("templatesApply")}
      </Button>
    </section>
  );
}
