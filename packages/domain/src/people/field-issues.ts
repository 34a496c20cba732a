/** One failing field of a submitted form: the path a client highlights and what is wrong. */
export interface FieldIssue {
  readonly field: string;
  readonly message: string;
}

/**
 * Reads a required text field: trimmed, 1..max characters (code points, so a Japanese name is
 * counted by its characters). Records an issue and answers "" when it is missing or too long.
 */
export const requiredText = (
  issues: FieldIssue[],
  field: string,
  value: unknown,
  max: number,
): string => {
  if (typeof value !== "string") {
    issues.push({ field, message: "must be text" });
    return "";
  }
  const trimmed = value.trim();
  const chars = [...trimmed].length;
  if (chars === 0) issues.push({ field, message: "must not be empty" });
  else if (chars > max) issues.push({ field, message: `must be at most ${max} characters` });
  return trimmed;
};
