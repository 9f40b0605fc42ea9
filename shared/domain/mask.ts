/** Masking of personal data for lists, notices and logs (SPEC "Personal data"). */

/** `420704199001011234` → `4207**********1234`; other identifiers keep their first and last 4. */
export const maskResidentId = (id: string): string =>
  id.length <= 8 ? '*'.repeat(id.length) : `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;

/** `张三丰` → `张**`; a single character stays as `*`. */
export const maskName = (name: string): string => {
  const chars = [...name];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
};

/** `13812345678` → `138****5678`. */
export const maskPhone = (phone: string): string =>
  phone.length < 7
    ? '*'.repeat(phone.length)
    : `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
