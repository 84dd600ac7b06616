// Every ratio the papers print, computed here and nowhere else: the figures, the sentences, the
// tables, the charts, the summary of communes and the formulas the workbook keeps all read these.

/** What a rate of households is computed from: a place's households and those that signed. */
export interface HouseholdCounts {
  households: number;
  householdsSigned: number;
}

/** The share of a place's households that signed; null without a number of households. */
export function placeHouseholdRate(p: HouseholdCounts): number | null {
  return p.households > 0 ? p.householdsSigned / p.households : null;
}

/**
 * The share over many places (villages, or every village of many communes): signatures over
 * households, both counted only where the number of households is known. A place with signatures
 * and no household count (a school) adds to neither, so the rate never passes what the places say.
 */
export function householdRateOf(places: readonly HouseholdCounts[]): number | null {
  let households = 0;
  let signed = 0;
  for (const p of places) {
    if (p.households <= 0) continue;
    households += p.households;
    signed += p.householdsSigned;
  }
  return households > 0 ? signed / households : null;
}

/** `placeHouseholdRate` as the workbook computes it: blank without a number of households or of signatures. */
export function householdRateFormula(households: string, signed: string): string {
  return `IF(AND(N(${households})>0,ISNUMBER(${signed})),${signed}/${households},"")`;
}

/** `householdRateOf` as the workbook computes it over ranges (`C5:C12`, `D5:D12`). */
export function totalHouseholdRateFormula(households: string, signed: string): string {
  const base = `SUMIF(${households},">0",${households})`;
  return `IF(${base}>0,SUMIF(${households},">0",${signed})/${base},"")`;
}
