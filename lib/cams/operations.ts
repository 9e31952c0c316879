/**
 * CAMS 2020-06-06 operations as they are on the wire (shared/cams/API.md §2). Shared by the
 * client (server/cams) and the sandbox (server/sandbox): nothing else crosses between them.
 */
export const CAMS_API_VERSION = "2020-06-06";
export const CAMS_DEFAULT_ENDPOINT = "cams.ap-southeast-1.aliyuncs.com";

export interface OperationSpec {
  /** Documented per-account QPS limit ("单用户QPS限制"). */
  qps: number;
  /** Parameters CAMS requires ([META24]). */
  required: readonly string[];
  /** Every parameter the operation accepts. */
  params: readonly string[];
  /** A read, or an update that gives the same result when repeated: safe to retry. */
  idempotent: boolean;
}

export const OPERATIONS = {
  AddChatappPhoneNumber: {
    qps: 10,
    required: ["CustSpaceId", "Cc", "PhoneNumber", "VerifiedName"],
    params: ["CustSpaceId", "Cc", "PhoneNumber", "VerifiedName", "PreValidateId"],
    idempotent: false,
  },
  QueryChatappPhoneNumbers: {
    qps: 10,
    required: [],
    params: ["CustSpaceId", "IsvCode", "Status"],
    idempotent: true,
  },
  GetChatappVerifyCode: {
    qps: 10,
    required: ["CustSpaceId", "PhoneNumber", "Method", "Locale"],
    params: ["CustSpaceId", "PhoneNumber", "Method", "Locale"],
    // Each call sends a new SMS or voice call: never repeat it behind the user's back.
    idempotent: false,
  },
  ChatappVerifyAndRegister: {
    qps: 10,
    required: ["CustSpaceId", "PhoneNumber", "VerifyCode"],
    params: ["CustSpaceId", "PhoneNumber", "VerifyCode"],
    idempotent: false,
  },
  ChatappPhoneNumberRegister: {
    qps: 10,
    required: ["CustSpaceId", "PhoneNumber"],
    params: ["CustSpaceId", "PhoneNumber"],
    idempotent: false,
  },
  ChatappPhoneNumberDeregister: {
    qps: 10,
    required: ["CustSpaceId", "PhoneNumber"],
    params: ["CustSpaceId", "PhoneNumber"],
    idempotent: false,
  },
  GetPhoneNumberVerificationStatus: {
    qps: 10,
    required: ["CustSpaceId", "PhoneNumber"],
    params: ["CustSpaceId", "PhoneNumber"],
    idempotent: true,
  },
  GetPhoneEncryptionPublicKey: {
    qps: 5,
    required: ["PhoneNumber"],
    params: ["PhoneNumber", "CustSpaceId"],
    idempotent: true,
  },
  UpdatePhoneEncryptionPublicKey: {
    qps: 5,
    required: ["PhoneNumber", "EncryptionPublicKey"],
    params: ["PhoneNumber", "EncryptionPublicKey", "CustSpaceId"],
    idempotent: true,
  },
  CreatePhoneMessageQrdl: {
    qps: 5,
    required: ["PhoneNumber", "GenerateQrImage", "PrefilledMessage"],
    params: ["PhoneNumber", "GenerateQrImage", "PrefilledMessage", "CustSpaceId"],
    idempotent: false,
  },
  ListPhoneMessageQrdl: {
    qps: 5,
    required: ["PhoneNumber"],
    params: ["PhoneNumber", "CustSpaceId"],
    idempotent: true,
  },
  UpdatePhoneMessageQrdl: {
    qps: 5,
    required: ["PhoneNumber", "QrdlCode", "GenerateQrImage", "PrefilledMessage"],
    params: ["PhoneNumber", "QrdlCode", "GenerateQrImage", "PrefilledMessage", "CustSpaceId"],
    // A lost reply after success would make a retry fail with QrdlCodeNotExist: never retried.
    idempotent: false,
  },
  DeletePhoneMessageQrdl: {
    qps: 5,
    required: ["PhoneNumber", "QrdlCode"],
    params: ["PhoneNumber", "QrdlCode", "CustSpaceId"],
    // A lost reply after success would make a retry fail with QrdlCodeNotExist: never retried.
    idempotent: false,
  },
  UpdatePhoneWebhook: {
    qps: 10,
    required: ["CustSpaceId", "PhoneNumber"],
    params: ["CustSpaceId", "PhoneNumber", "StatusCallbackUrl", "UpCallbackUrl", "HttpFlag", "QueueFlag"],
    idempotent: true,
  },
  UpdateAccountWebhook: {
    qps: 10,
    required: ["CustSpaceId"],
    params: ["CustSpaceId", "StatusCallbackUrl", "HttpFlag", "QueueFlag"],
    idempotent: true,
  },
  QueryPhoneBusinessProfile: {
    qps: 10,
    required: ["CustSpaceId", "PhoneNumber"],
    params: ["CustSpaceId", "PhoneNumber"],
    idempotent: true,
  },
  ModifyPhoneBusinessProfile: {
    qps: 10,
    required: ["CustSpaceId", "PhoneNumber"],
    params: ["CustSpaceId", "PhoneNumber", "About", "Address", "Description", "Email", "Vertical", "ProfilePictureUrl", "Websites"],
    // Sets the fields given to the values given: a repeat leaves the same profile.
    idempotent: true,
  },
  GetChatappUploadAuthorization: {
    qps: 5,
    required: ["CustSpaceId"],
    params: ["CustSpaceId"],
    // Each call hands out new temporary credentials; a lost answer just leaves unused ones to expire.
    idempotent: true,
  },
  GetWhatsappHealthStatus: {
    qps: 5,
    required: ["NodeType", "CustSpaceId"],
    params: ["NodeType", "PhoneNumber", "WabaId", "TemplateCode", "Language", "CustSpaceId"],
    idempotent: true,
  },
  GetChatappPhoneNumberMetric: {
    qps: 50,
    required: ["Start", "End"],
    params: ["Start", "End", "Granularity", "PhoneNumber", "CustSpaceId", "IsvCode"],
    idempotent: true,
  },
  // ---- automation and the message log (issue 17; not in SDK 1.4.2: sent with callApi) ----
  GetConversationalAutomation: {
    qps: 5,
    required: ["CustSpaceId", "PhoneNumber"],
    params: ["CustSpaceId", "PhoneNumber"],
    idempotent: true,
  },
  UpdateConversationalAutomation: {
    qps: 5,
    required: ["CustSpaceId", "PhoneNumber"],
    // Prompts and Commands travel as JSON strings; an absent one is left as it is.
    params: ["CustSpaceId", "PhoneNumber", "EnableWelcomeMessage", "Prompts", "Commands"],
    // Sets the whole state each time: a repeat gives the same result.
    idempotent: true,
  },
  ListChatappMessage: {
    // The vendor states no figure for this one (API.md §2b): the smaller the safer.
    qps: 5,
    required: ["CustSpaceId", "BusinessNumber", "ChannelType", "Page"],
    params: [
      "CustSpaceId", "BusinessNumber", "ChannelType", "Page", "StartTime", "EndTime", "EventAction",
      "UserNumber", "TemplateCode", "MessageStatus",
    ],
    idempotent: true,
  },
} as const satisfies Record<string, OperationSpec>;

export type OperationName = keyof typeof OPERATIONS;
export const OPERATION_NAMES = Object.keys(OPERATIONS) as OperationName[];

export const GENERATE_QR_IMAGE = ["PNG", "SVG"] as const;
export const YES_NO = ["Y", "N"] as const;
export const VERIFY_METHODS = ["SMS", "VOICE"] as const;
export const VERIFY_LOCALES = ["zh_CN", "en_US"] as const;
export const GRANULARITIES = ["DAILY", "HALF_HOUR"] as const;
export const HEALTH_NODE_TYPES = ["phone", "waba", "template"] as const;
/** WhatsApp's business verticals (ModifyPhoneBusinessProfile Vertical). */
export const VERTICALS = [
  "OTHER", "AUTO", "BEAUTY", "APPAREL", "EDU", "ENTERTAIN", "EVENT_PLAN", "FINANCE", "GROCERY", "GOVT", "HOTEL", "HEALTH",
  "NONPROFIT", "PROF_SERVICES", "RETAIL", "TRAVEL", "RESTAURANT",
] as const;
export type Vertical = (typeof VERTICALS)[number];
/** WhatsApp's profile limits (code points). */
export const PROFILE_LIMITS = { about: 139, address: 256, description: 512, email: 128, websites: 2, website: 256 } as const;
export const EVENT_ACTIONS = ["UP", "DOWN"] as const;
/** WhatsApp's limits on conversational automation (API.md §2b). */
export const AUTOMATION_LIMITS = { prompts: 4, promptChars: 80, commands: 30, commandName: 32, commandDescription: 256 } as const;
/** Emoji and pictographs, which WhatsApp refuses in ice breakers and commands (the sandbox too). */
export const EMOJI_RE = /[\p{Extended_Pictographic}\p{Regional_Indicator}\u{FE0F}\u{20E3}]/u;
/** Largest page ListChatappMessage is asked for here. */
export const MESSAGE_PAGE_MAX = 100;

/** The four codes every operation's catalogue lists (all HTTP 400). */
export const CATALOGUE_ERRORS = {
  "Product.Unsubscript": "You have not subscribed to the specified product.",
  "Ram.PermissionDeny": "You are not authorized to perform the operation.",
  "System.LimitControl": "The system is under flow control.",
  "Unknown.ResourceOwnerId": "The resource does not belong to the current user.",
} as const;

/** Deep link form the sandbox uses for message QR codes. */
export const deepLinkFor = (qrdlCode: string) => `https://wa.me/message/${qrdlCode}`;
