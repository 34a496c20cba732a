/** The n-th valid Yamato slip number: 11 digits and their check digit (modulo 7). */
export const yamatoSlip = (n: number): string => {
  const body = String(10_000_000_000 + n);
  return `${body}${BigInt(body) % 7n}`;
};
