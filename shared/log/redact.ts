/**
 * Redaction applied to every log line: personal fields by name, and anything shaped like a
 * resident ID or a mobile number wherever it appears in a string.
 */
import { maskName, maskPhone, maskResidentId } from '../domain/mask.ts';

const RESIDENT_ID = /(?<!\d)\d{17}[\dXx](?!\d)/g;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

const FIELD_MASKS: Readonly<Record<string, (value: string) => string>> = {
  residentId: maskResidentId,
  idNumber: maskResidentId,
  disabilityCertificate: maskResidentId,
  name: maskName,
  headName: maskName,
  fullName: maskName,
  phone: maskPhone,
  mobile: maskPhone,
};

export const redactText = (text: string): string =>
  text.replace(RESIDENT_ID, maskResidentId).replace(MOBILE, maskPhone);

export const redact = (value: unknown, key?: string): unknown => {
  if (typeof value === 'string') {
    const mask = key ? FIELD_MASKS[key] : undefined;
    return mask ? mask(value) : redactText(value);
  }
  if (Array.isArray(value)) return value.map((item) => redact(item, key));
  if (value instanceof Error)
    return {
      name: value.name,
      message: redactText(value.message),
      stack: value.stack && redactText(value.stack),
    };
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v, k)]));
  }
  return value;
};
