import "server-only";

/** In-memory CAMS state: spaces (CustSpaceId) owned by an AccessKeyId, and their numbers. */

export interface QrCode {
  code: string;
  generateQrImage: "PNG" | "SVG";
  prefilledMessage: string;
}

export interface BusinessProfile {
  About: string;
  Address: string;
  Description: string;
  Email: string;
  ProfilePictureUrl: string;
  Vertical: string;
  Websites: string[];
}

export interface PendingCode {
  code: string;
  expiresAt: number;
  wrongAttempts: number;
}

export interface PhoneRecord {
  /** Full number: country code + national number, digits only. */
  phoneNumber: string;
  /** Meta phone-number id (GetPhoneNumberVerificationStatus Data.Id). */
  id: string;
  verifiedName: string;
  status: string;
  qualityRating: string;
  messagingLimitTier: string;
  codeVerificationStatus: string;
  nameStatus: string;
  newNameStatus: string;
  statusCallbackUrl: string;
  upCallbackUrl: string;
  statusQueue: string;
  upQueue: string;
  key?: { pem: string; status: "VALID" | "MISMATCH" };
  qr: Map<string, QrCode>;
  profile: BusinessProfile;
  pendingCode?: PendingCode;
  /** Times of register/deregister calls (Meta: at most 10 of each per week). */
  registrations: number[];
  deregistrations: number[];
}

export interface AccountWebhook {
  statusCallbackUrl: string;
  httpFlag: string;
  queueFlag: string;
}

export interface Space {
  id: string;
  name: string;
  owner: string;
  numbers: Map<string, PhoneRecord>;
  accountWebhook?: AccountWebhook;
}

export interface Located {
  space: Space;
  rec: PhoneRecord;
}

export const VERIFY_CODE_TTL_MS = 10 * 60 * 1000;
export const MAX_WRONG_CODES = 5;
export const MAX_QR_PER_NUMBER = 2000;

export function defaultProfile(): BusinessProfile {
  return {
    About: "Hey there! I am using WhatsApp.",
    Address: "",
    Description: "",
    Email: "",
    ProfilePictureUrl: "",
    Vertical: "UNDEFINED",
    Websites: [],
  };
}

/** A number as AddChatappPhoneNumber leaves it: not verified yet. */
export function newPhoneRecord(phoneNumber: string, verifiedName: string, id: string): PhoneRecord {
  return {
    phoneNumber,
    id,
    verifiedName,
    status: "UNVERIFIED",
    qualityRating: "UNKNOWN",
    messagingLimitTier: "TIER_250",
    codeVerificationStatus: "NOT_VERIFIED",
    nameStatus: "PENDING_REVIEW",
    newNameStatus: "NONE",
    statusCallbackUrl: "",
    upCallbackUrl: "",
    statusQueue: "",
    upQueue: "",
    qr: new Map(),
    profile: defaultProfile(),
    registrations: [],
    deregistrations: [],
  };
}

export class SandboxState {
  readonly spaces = new Map<string, Space>();
  private byPhone = new Map<string, Located>();
  private byQr = new Map<string, Located>();
  private nextId = 100_000_000_000_000;

  clear(): void {
    this.spaces.clear();
    this.byPhone.clear();
    this.byQr.clear();
    this.nextId = 100_000_000_000_000;
  }

  newPhoneId(): string {
    return String(this.nextId++);
  }

  addSpace(id: string, name: string, owner: string): Space {
    const existing = this.spaces.get(id);
    if (existing) return existing;
    const space: Space = { id, name, owner, numbers: new Map() };
    this.spaces.set(id, space);
    return space;
  }

  addNumber(space: Space, rec: PhoneRecord): void {
    space.numbers.set(rec.phoneNumber, rec);
    this.byPhone.set(rec.phoneNumber, { space, rec });
    for (const code of rec.qr.keys()) this.byQr.set(code, { space, rec });
  }

  /** Any space's number (numbers are unique across the sandbox, as a number is in one WABA). */
  findNumber(phoneNumber: string): Located | undefined {
    return this.byPhone.get(phoneNumber);
  }

  addQr(loc: Located, qr: QrCode): void {
    loc.rec.qr.set(qr.code, qr);
    this.byQr.set(qr.code, loc);
  }

  deleteQr(loc: Located, code: string): void {
    loc.rec.qr.delete(code);
    this.byQr.delete(code);
  }

  findQr(code: string): (Located & { qr: QrCode }) | undefined {
    const loc = this.byQr.get(code);
    const qr = loc?.rec.qr.get(code);
    return loc && qr ? { ...loc, qr } : undefined;
  }

  qrCodeTaken(code: string): boolean {
    return this.byQr.has(code);
  }

  /** The pending verification code of a number, if it is still usable. */
  pendingCode(phoneNumber: string, now: number): string | undefined {
    const p = this.byPhone.get(phoneNumber)?.rec.pendingCode;
    return p && p.expiresAt > now && p.wrongAttempts < MAX_WRONG_CODES ? p.code : undefined;
  }
}

/** MNS queue names a space's receipts go to when QueueFlag=Y. */
export function queueNames(spaceId: string): { status: string; up: string } {
  return { status: `Alicom-Queue-${spaceId}-ChatAppStatus`, up: `Alicom-Queue-${spaceId}-ChatAppInbound` };
}
