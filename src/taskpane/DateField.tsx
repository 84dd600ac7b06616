import { Field, makeStyles, mergeClasses } from "@fluentui/react-components";
import { DatePicker, type DatePickerProps } from "@fluentui/react-datepicker-compat";
import { useRef } from "react";
import { readDate } from "../domain/cells/date";
import { isoDateOf } from "../domain/dates";
import { formatDate } from "../domain/format";
import type { Locale } from "../i18n/catalog";

type Strings = NonNullable<DatePickerProps["strings"]>;

/** A date the user chose or typed: its ISO form, or that the text typed is not a date. */
export interface DateChoice {
  iso?: string;
  invalid: boolean;
  /** What was typed when it was not a date: said back beside the field (the calendar clears its box). */
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
  // The picker's input would otherwise keep its own minimum width and run under the next field.
  field: { minWidth: 0 },
  input: { width: "100%", minWidth: 0 },
});

type Formatting = NonNullable<DatePickerProps["dateTimeFormatter"]>;

/** What the calendar writes and reads aloud: days as dd/mm/yyyy, months as "Tháng 12/2021" (or "December 2021"). */
const formatting = (locale: Locale): Formatting => ({
  formatDay: (d) => String(d.getDate()),
  formatMonth: (d, strings) => strings.months[d.getMonth()] ?? "",
  formatYear: (d) => String(d.getFullYear()),
  formatMonthDayYear: (d) => formatDate(isoDateOf(d)),
  formatMonthYear: (d, strings) => (locale === "en" ? `${strings.months[d.getMonth()]} ${d.getFullYear()}` : `${strings.months[d.getMonth()]}/${d.getFullYear()}`),
});

/** The calendar works on local midnights; the core on ISO dates. */
const toDate = (iso: string) => new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));

/** Text typed as dd/mm/yyyy (whatever the browser's language), read by the core's date reader. */
function parse(text: string): Date | null {
  const r = readDate(text);
  return r.kind === "value" ? toDate(r.value) : null;
}

/**
 * A date field with a calendar, showing and accepting dd/mm/yyyy whatever the browser's locale
 * (a browser's own date input would show the month first in an English browser). Typed text is
 * read when the field is left or Enter is pressed.
 */
export function DateField(props: { label: string; value: DateChoice; onChange: (c: DateChoice) => void; error?: string; hint: string; placeholder: string; locale: Locale; today: string; className?: string }) {
  const { label, value, onChange, error, hint, placeholder, locale, today, className } = props;
  const styles = useStyles();
  // The text as typed, kept for the message when it is not a date.
  const typed = useRef("");
  return (
    <Field label={label} className={mergeClasses(styles.field, className)} validationMessage={error} hint={value.iso ? formatDate(value.iso) : hint}>
      <DatePicker
        onChange={(_, d) => {
          typed.current = d.value;
        }}
        className={styles.input}
        allowTextInput
        value={value.iso ? toDate(value.iso) : null}
        placeholder={placeholder}
        formatDate={(d) => (d ? formatDate(isoDateOf(d)) : "")}
        parseDateFromString={parse}
        onSelectDate={(d) => onChange(d ? { iso: isoDateOf(d), invalid: false } : { invalid: false })}
        onValidationResult={(r) => {
          if (r.error === "invalid-input") onChange({ invalid: true, typed: typed.current.trim() });
        }}
        // Weeks start on Monday (DayOfWeek.Monday), as Vietnamese calendars print them.
        firstDayOfWeek={1}
        strings={locale === "en" ? EN : VI}
        dateTimeFormatter={formatting(locale)}
        showGoToToday
        // The pane's today (the one the report and checks use), not the machine's clock.
        today={toDate(today)}
      />
    </Field>
  );
}
