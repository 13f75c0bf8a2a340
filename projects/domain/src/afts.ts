/** AFTS string literal: double quotes and backslashes escaped, so a typed value can never end the phrase. */
export const quote = (value: string): string => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
