import { generateSecret, generateURI, verify } from 'otplib';

/** TOTP per RFC 6238 with authenticator-app defaults (SHA-1, 6 digits, 30 s); one step of clock drift allowed. */
export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, account: string): string {
  return generateURI({ issuer: 'ZhuHe 筑合', label: account, secret });
}

/** Returns the accepted time step, or null. Steps at or before `lastStep` are refused (no replay). */
export async function checkTotp(secret: string, code: string, lastStep: number | null): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epochTolerance: 30,
    ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
  });
  // verify() answers for HOTP and TOTP alike; only the TOTP result carries the time step.
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}
