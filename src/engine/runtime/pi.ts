/**
 * Digits of pi for the docs' Job example (`perl -Mbignum=bpi -wle 'print bpi(2000)'`), computed with
 * Machin's formula in BigInt arithmetic so that the log is the real answer.
 */
const cache = new Map<number, string>();

function arctanInverse(x: bigint, unity: bigint): bigint {
  let sum = unity / x;
  let term = sum;
  const x2 = x * x;
  let n = 1n;
  let sign = -1n;
  while (term !== 0n) {
    term /= x2;
    sum += (sign * term) / (2n * n + 1n);
    sign = -sign;
    n++;
  }
  return sum;
}

/** pi with `significant` significant digits, truncated as Math::BigFloat's bpi prints it ("3.14159..."). */
export function piDigits(significant: number): string {
  const digits = Math.max(1, Math.min(significant, 20_000));
  const hit = cache.get(digits);
  if (hit) return hit;
  const guard = 10;
  const unity = 10n ** BigInt(digits + guard);
  const pi = 4n * (4n * arctanInverse(5n, unity) - arctanInverse(239n, unity));
  const text = (pi / 10n ** BigInt(guard)).toString();
  const out = digits === 1 ? text.slice(0, 1) : `${text.slice(0, 1)}.${text.slice(1, digits)}`;
  cache.set(digits, out);
  return out;
}
