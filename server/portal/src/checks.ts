// Client-side twins of shared/domain (creditcode.cpp, idnumber.cpp, projectcode.cpp): the same
// rules and the same Chinese messages, so that the applicant learns of a typo while typing.

const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

/** The 18th character of a 统一社会信用代码 for its first 17 (GB 32100-2015, mod 31), or '' */
export function creditCheckCharacter(first17: string): string {
  if (first17.length !== 17) return ''
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_ALPHABET.indexOf(first17[i])
    if (v < 0) return ''
    sum += v * CREDIT_WEIGHTS[i]
  }
  return CREDIT_ALPHABET[(31 - (sum % 31)) % 31]
}

/** null when valid, else the message (the server's wording). */
export function checkCreditCode(input: string): string | null {
  const text = input.trim().toUpperCase()
  if (text.length !== 18) return '统一社会信用代码应为18位'
  for (const c of text)
    if (CREDIT_ALPHABET.indexOf(c) < 0) return '统一社会信用代码只能包含数字和大写字母（不含I、O、Z、S、V）'
  if (!/^\d{6}$/.test(text.substring(2, 8))) return '统一社会信用代码第3至8位应为行政区划代码'
  if (creditCheckCharacter(text.substring(0, 17)) !== text[17]) return '统一社会信用代码校验位不正确，请核对后重新输入'
  return null
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK = '10X98765432'

export function idCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) return ''
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]
  return ID_CHECK[sum % 11]
}

function validDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
  return d <= days[m - 1]
}

/** 居民身份证号码 (GB 11643, ISO 7064 MOD 11-2): null when valid, else the message. */
export function checkIdNumber(input: string): string | null {
  const text = input.replace(/\s/g, '').replace(/x/g, 'X')
  if (text.length !== 18) return '身份证号码应为18位'
  if (!/^\d{17}$/.test(text.substring(0, 17))) return '身份证号码前17位应为数字'
  if (!/[0-9X]/.test(text[17])) return '身份证号码最后一位应为数字或X'
  if (!validDate(Number(text.substring(6, 10)), Number(text.substring(10, 12)), Number(text.substring(12, 14))))
    return '身份证号码中的出生日期无效'
  if (idCheckDigit(text.substring(0, 17)) !== text[17]) return '身份证号码校验位不正确，请核对后重新输入'
  return null
}

/** 投资项目统一代码 such as 2025-650102-47-01-000123. */
export function checkProjectCode(input: string): string | null {
  if (!/^\d{4}-\d{6}-\d{2}-\d{2}-\d{6}$/.test(input.trim())) return '项目代码格式应为 年份-行政区划-行业-类型-流水号，如 2025-650102-47-01-000123'
  return null
}
