import { formatDate } from "../domain/format";
import type { Catalog, Params } from "./catalog";

/** Where an issue is, as its message opens. */
export const at = (p: Params) => `Cell ${p.cell} ("${p.sheet}", column "${p.column}")`;
const dmy = (iso: unknown) => (typeof iso === "string" ? formatDate(iso) : String(iso));
/** A number as the message prints it: `1,000,000`, `1.5`. */
const num = (v: unknown) => (typeof v === "number" ? v.toLocaleString("en-US", { maximumFractionDigits: 20 }) : String(v));

const CELL_PROBLEM: Record<string, string> = {
  "error-value": "shows an error",
  "formula-no-result": "is a formula without a result",
  "boolean": "holds TRUE or FALSE",
  "too-long": "is over 32,767 characters",
};

export const rulesEn: Catalog = {
  "closed-changed": (p) => `${at(p)}: the period ${p.period} was closed on ${dmy(p.closedOn)}; row ${p.row}, column ${p.column}: ${p.before} → ${p.after}. The figures reported for it would differ; to correct it, reopen the period (with the reason) and make the report again.`,
  "closed-added": (p) => `Sheet "${p.sheet}", row ${p.row} (cell ${p.cell}): a new row in the period ${p.period}, closed on ${dmy(p.closedOn)}. The figures reported for it would differ; correct its date if it is wrong, else reopen the period (with the reason).`,
  "closed-removed": (p) => `Sheet "${p.sheet}" (table at cell ${p.cell}): row ${p.row} as closed in the period ${p.period} (on ${dmy(p.closedOn)}) is no longer in the period (deleted or its date changed). The figures reported for it would differ; the row as closed is kept in the period's data sheet; if it was deleted by mistake, enter it again, else reopen the period (with the reason).`,
  "table-missing": (p) => `The table of sheet "${p.expectedSheet}" was not found. Run "Templates" to create it again; existing data is kept.`,
  "column-missing": (p) => `The table on sheet "${p.sheet}" lacks column "${p.header}". Run "Templates" to add it at the table's end, or restore its name if it was renamed.`,
  "column-duplicate": (p) => `The table on sheet "${p.sheet}" has two columns named "${p.header}" (headers in ${p.first} and ${p.cell}). The column of ${p.first} is read; rename or remove the column of ${p.cell}.`,
  "required": (p) => `${at(p)} is empty. This column is required.`,
  "cell-unreadable": (p) => `${at(p)} ${CELL_PROBLEM[String(p.problem)] ?? "cannot be read"}${p.detail ? ` (${p.detail})` : ""}. Enter the right value.`,
  "text-spacing": (p) => `${at(p)} has stray spaces or decomposed Vietnamese accents. "Fix" normalises it; the text stays the same.`,
  "date-invalid": (p) => `${at(p)}: "${p.value}" is not a valid date. Write it day/month/year, e.g. 15/06/2021.`,
  "date-month-first": (p) => `${at(p)}: "${p.value}" looks month-first. Write it day/month/year, e.g. 15/06/2021.`,
  "date-as-text": (p) => `${at(p)}: the date "${p.value}" is stored as text. "Fix" stores it as the date ${dmy(p.date)}.`,
  "date-in-future": (p) => `${at(p)}: ${dmy(p.date)} is after today (${dmy(p.today)}). Check the date.`,
  "date-implausible": (p) => `${at(p)}: ${dmy(p.date)} is unlikely to be right. Check the year.`,
  "number-invalid": (p) => `${at(p)}: "${p.value}" is not a number. Write a number, e.g. 1.000.000.`,
  "number-as-text": (p) => `${at(p)}: the number "${p.value}" is stored as text. "Fix" stores it as ${num(p.number)}.`,
  "number-not-whole": (p) => `${at(p)}: ${num(p.value)} has a fraction. This column needs a whole number.`,
  "number-negative": (p) => `${at(p)}: ${num(p.value)} is negative. Write 0 or more (spending goes on a "Chi" row, with a positive amount).`,
  "amount-too-large": (p) => `${at(p)}: ${num(p.value)} is too large: Excel keeps numbers exactly only up to 15 digits. Check the number.`,
  "list-value": (p) => `${at(p)}: "${p.value}" is not in the list${p.allowed ? ` (${p.allowed})` : " on Danh mục"}. Pick from the list, or add it to Danh mục first.`,
  "list-variant": (p) => `${at(p)}: "${p.value}" is spelled differently from the list. "Fix" writes "${p.canonical}".`,
  "catalog-duplicate": (p) => `${at(p)}: "${p.value}" is already on row ${p.firstRow}. Remove the duplicate.`,
  "milestone-unassigned": (p) => `${at(p)}: the plan's common milestone ${p.section} is given to no unit (the plan names none). Choose the unit in charge in the column "Đơn vị" of the sheet "Kế hoạch" and of this sheet; until then the report says "Chưa giao đơn vị".`,
  "task-done-without-date": (p) => `${at(p)}: the task is "Hoàn thành" without a completion date. Enter the date.`,
  "task-date-without-done": (p) => `${at(p)}: there is a completion date but the state is "${p.state}". Choose "Hoàn thành" or clear the date.`,
  "signed-above-households": (p) => `${at(p)}: households signed (${num(p.signed)}) exceed households (${num(p.households)}). Check both numbers.`,
  "pledge-decreased": (p) => `${at(p)}: households signed (${num(p.signed)}) are fewer than at the update on row ${p.previousRow} (${num(p.previous)}). Counts are cumulative; check them.`,
  "village-without-pledge": (p) => `${at(p)}: village "${p.village}" has no row on "Cam kết". Add its pledge counts.`,
  "money-amount-missing": (p) => `${at(p)}: a money row without an amount. Enter the amount in đồng.`,
  "money-amount-not-positive": (p) => `${at(p)}: the amount is 0. Enter more than 0, or remove the row.`,
  "money-row-has-goods": (p) => `${at(p)}: a "${p.form}" row holds goods. Put the goods on a separate "Hiện vật" row.`,
  "goods-missing": (p) => `${at(p)}: a goods row without "${p.column}". Enter the goods and their quantity.`,
  "goods-quantity-not-positive": (p) => `${at(p)}: the quantity is 0. Enter more than 0.`,
  "goods-row-has-money": (p) => `${at(p)}: a "Hiện vật" row holds money. Put the value in "Giá trị hiện vật (đồng)", or move the money to its own row.`,
  "voucher-missing": (p) => `${at(p)}: no voucher number. Enter the receipt or payment voucher number.`,
  "voucher-duplicate": (p) => `${at(p)}: voucher "${p.voucher}" of kind "${p.kind}" is already on row ${p.firstRow}. Check the number.`,
  "cash-negative-uncertain": (p) => `${at(p)}: after the spending of ${dmy(p.date)}, the cash may be below zero (${num(p.balance)} đồng, without the money rows that cannot be read). The balance is uncertain from row ${p.fromRow} (the first unreadable money row by date): correct those rows first, then check this spending again.`,
  "cash-negative": (p) => `${at(p)}: after the payment of ${dmy(p.date)} the cash balance is negative (${num(p.balance)} đồng). Check earlier receipts or this amount.`,
  "individual-needs-gender": (p) => `${at(p)}: an individual nominee needs a gender (Nam or Nữ).`,
  "birth-year-range": (p) => `${at(p)}: birth year ${p.year} is not valid. Enter a year from 1900 to ${p.max}.`,
  "collective-has-personal": (p) => `${at(p)}: a "${p.kind}" nominee has no birth year or gender. Clear those cells.`,
  "awarded-needs-decision": (p) => `${at(p)}: awarded without a decision number. Enter the decision number.`,
  "nomination-duplicate": (p) => `${at(p)}: "${p.name}" was already nominated for the same award in ${p.year} on row ${p.firstRow}. Remove the duplicate.`,
};
