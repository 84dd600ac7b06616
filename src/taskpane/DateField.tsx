import { Button, Field, Input, makeStyles, mergeClasses, Popover, PopoverSurface, PopoverTrigger } from "@fluentui/react-components";
import { Calendar, type CalendarProps } from "@fluentui/react-calendar-compat";
import { CalendarRegular } from "@fluentui/react-icons";
import { useEffect, useRef, useState } from "react";
import { readDate } from "../domain/cells/date";
import { isoDateOf } from "../domain/dates";
import { formatDate } from "../domain/format";
import type { Locale } from "../i18n/catalog";

type Strings = NonNullable<CalendarProps["strings"]>;

/** A date the user chose or typed: its ISO form, or that the text typed is not a date. */
export interface DateChoice {
  iso?: string;
  invalid: boolean;
  /** What was typed when it was not a date: it stays in the box, and is named in the error beside it. */
  typed?: string;
}

const VI: Strings = {
  months: Array.from({ length: 12 }, (_, i) => `Tháng ${i + 1}`),
  shortMonths: Array.from({ length: 12 }, (_, i) => `Th${i + 1}`),
  days: ["Chủ nhật", "Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy"],
  shortDays: ["CN", "T2", "T3", "T4", "T5", "T6", "T7"],
  goToToday: "Hôm nay",
  prevMonthAriaLabel: "Tháng trước",
  nextMonthAriaLabel: "Tháng sau",
  prevYearAriaLabel: "Năm trước",
  nextYearAriaLabel: "Năm sau",
  prevYearRangeAriaLabel: "Các năm trước",
  nextYearRangeAriaLabel: "Các năm sau",
  closeButtonAriaLabel: "Đóng",
  selectedDateFormatString: "Ngày đã chọn {0}",
  todayDateFormatString: "Hôm nay là {0}",
};

const EN: Strings = {
  months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
  shortMonths: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  days: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
  shortDays: ["S", "M", "T", "W", "T", "F", "S"],
  goToToday: "Go to today",
  prevMonthAriaLabel: "Previous month",
  nextMonthAriaLabel: "Next month",
  prevYearAriaLabel: "Previous year",
  nextYearAriaLabel: "Next year",
  closeButtonAriaLabel: "Close",
};

const useStyles = makeStyles({
  // The box would otherwise keep its own minimum width and run under the next field.
  field: { minWidth: 0 },
  input: { width: "100%", minWidth: 0 },
});

type Formatting = NonNullable<CalendarProps["dateTimeFormatter"]>;

/** What the calendar shows and reads aloud: days as dd/mm/yyyy, months as "Tháng 12/2021" (or "December 2021"). */
const formatting = (locale: Locale): Formatting => ({
  formatDay: (d) => String(d.getDate()),
  formatMonth: (d, strings) => strings.months[d.getMonth()] ?? "",
  formatYear: (d) => String(d.getFullYear()),
  formatMonthDayYear: (d) => formatDate(isoDateOf(d)),
  formatMonthYear: (d, strings) => (locale === "en" ? `${strings.months[d.getMonth()]} ${d.getFullYear()}` : `${strings.months[d.getMonth()]}/${d.getFullYear()}`),
});

/** The calendar works on local midnights; the core on ISO dates. */
const toDate = (iso: string) => new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));

/** What a box's text says: a date (read as dd/mm/yyyy by the core's reader, whatever the browser's language), nothing, or text that is not a date. */
function choiceOf(text: string): DateChoice {
  const typed = text.trim();
  if (typed === "") return { invalid: false };
  const r = readDate(typed);
  return r.kind === "value" ? { iso: r.value, invalid: false } : { invalid: true, typed };
}

/**
 * A date box that keeps what the clerk typed, with a calendar beside it. The text is read as
 * dd/mm/yyyy whatever the browser's language (a browser's own date input shows the month first in
 * an English browser) when the box is left or Enter is pressed; a text that is not a date stays in
 * the box, with its error beside it, so the clerk sees what to correct. The calendar opens only
 * from its own button.
 */
export function DateField(props: { label: string; value: DateChoice; onChange: (c: DateChoice) => void; error?: string; hint: string; placeholder: string; calendarLabel: string; locale: Locale; today: string; className?: string }) {
  const { label, value, onChange, error, hint, placeholder, calendarLabel, locale, today, className } = props;
  const styles = useStyles();
  const [text, setText] = useState(value.iso ? formatDate(value.iso) : (value.typed ?? ""));
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLInputElement>(null);
  // A date set from outside (the calendar, a reset) is written back day first; a wrong text is left as typed.
  useEffect(() => {
    if (value.iso) setText(formatDate(value.iso));
    else if (!value.invalid) setText("");
  }, [value.iso, value.invalid]);
  const commit = () => {
    const next = choiceOf(text);
    if (next.iso === value.iso && next.invalid === value.invalid && next.typed === value.typed) return;
    onChange(next);
  };
  return (
    <Field label={label} className={mergeClasses(styles.field, className)} validationMessage={error} hint={hint}>
      <Input
        ref={box}
        className={styles.input}
        value={text}
        placeholder={placeholder}
        onChange={(_, d) => setText(d.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            commit();
          }
        }}
        contentAfter={
          <Popover open={open} onOpenChange={(_, d) => setOpen(d.open)} trapFocus positioning="below-end">
            <PopoverTrigger disableButtonEnhancement>
              <Button appearance="transparent" size="small" icon={<CalendarRegular />} aria-label={calendarLabel} title={calendarLabel} />
            </PopoverTrigger>
            <PopoverSurface aria-label={calendarLabel}>
              <Calendar
                value={value.iso ? toDate(value.iso) : undefined}
                onSelectDate={(d) => {
                  const iso = isoDateOf(d);
                  setText(formatDate(iso));
                  onChange({ iso, invalid: false });
                  setOpen(false);
                  box.current?.focus();
                }}
                onDismiss={() => setOpen(false)}
                // Weeks start on Monday (DayOfWeek.Monday), as Vietnamese calendars print them.
                firstDayOfWeek={1}
                strings={locale === "en" ? EN : VI}
                dateTimeFormatter={formatting(locale)}
                showGoToToday
                // The pane's today (the one the report and checks use), not the machine's clock.
                today={toDate(today)}
              />
            </PopoverSurface>
          </Popover>
        }
      />
    </Field>
  );
}
