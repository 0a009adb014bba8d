import { hashSecret, isSecretHash, verifySecret } from '#server/secrets/scrypt-hash.ts';

/**
 * Organiser passwords are kept only as scrypt hashes (#server/secrets/scrypt-hash.ts). NFC first:
 * the same password typed on a Mac and on Windows must hash alike.
 */
export const hashPassword = (password: string): Promise<string> => hashSecret(password.normalize('NFC'));

export const isPasswordHash = isSecretHash;

export const verifyPassword = (password: string, stored: string | undefined): Promise<boolean> =>
  verifySecret(password.normalize('NFC'), stored);
