/**
 * Transit days by shipping region: how many days a box takes from the producer's door to
 * the owner's. A region absent from the table cannot be scheduled (the schedule reports it).
 */
export type TransitDaysTable = Readonly<Record<string, number>>;

/**
 * A sensible default for refrigerated parcel delivery from a producer on Honshu to the
 * eight regions of Japan (Okinawa separately). Producers elsewhere (Hokkaido, Kyushu,
 * Okinawa) pass their own table; region keys are the lowercase romanised names.
 */
export const DEFAULT_TRANSIT_DAYS_JAPAN: TransitDaysTable = Object.freeze({
  hokkaido: 2,
  tohoku: 1,
  kanto: 1,
  chubu: 1,
  kinki: 1,
  chugoku: 2,
  shikoku: 2,
  kyushu: 2,
  okinawa: 3,
});

/** Transit days to a region, or undefined when the table does not know it. */
export const transitDaysTo = (table: TransitDaysTable, region: string): number | undefined =>
  // Own properties only: "constructor" or "toString" must not look like a region.
  Object.hasOwn(table, region) ? table[region] : undefined;
