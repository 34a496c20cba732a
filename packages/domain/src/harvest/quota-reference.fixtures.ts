/**
 * The quota method as Balinski & Young state it: one unit at a time, to the eligible holder
 * with the largest shares / (a + 1), ties to the earlier holder. Slow and obviously faithful.
 */
export const referenceQuotaMethod = (shares: readonly number[], house: number): number[] => {
  const total = shares.reduce((sum, s) => sum + s, 0);
  const units = shares.map(() => 0);
  for (let h = 0; h < house; h++) {
    let best = -1;
    for (let i = 0; i < shares.length; i++) {
      const s = shares[i] as number;
      const a = units[i] as number;
      // a + 1 <= ceil(s (h + 1) / S)  <=>  a * S < s * (h + 1)
      if (a * total >= s * (h + 1)) continue;
      if (best < 0) {
        best = i;
        continue;
      }
      const sb = shares[best] as number;
      const ab = units[best] as number;
      if (s * (ab + 1) > sb * (a + 1)) best = i;
    }
    if (best < 0) throw new Error("reference: nobody eligible");
    units[best] = (units[best] as number) + 1;
  }
  return units;
};
