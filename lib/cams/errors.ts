/**
 * Plain-language explanations of CAMS error codes (shared/cams/API.md §7), in English and
 * Simplified Chinese. Browser-safe: no server imports, so toasts and error panels can use it.
 */

export type CamsLocale = "en" | "zh-CN";

export interface CamsErrorExplanation {
  title: string;
  explanation: string;
  action?: string;
}

/** Codes the client itself produces when CAMS never answered, or answered something unusable. */
export const LOCAL_ERROR_CODES = {
  timeout: "Network.Timeout",
  dropped: "Network.Dropped",
  refused: "Network.Refused",
  malformed: "Response.Malformed",
  invalid: "Response.Invalid",
  badInput: "Request.Invalid",
  queueFull: "RateLimit.QueueFull",
  spaceNotFound: "Space.NotFound",
  noAccount: "Space.NoAccount",
  secretUnreadable: "Account.SecretUnreadable",
} as const;

type Entry = Record<CamsLocale, CamsErrorExplanation>;

const e = (en: [string, string, string?], zh: [string, string, string?]): Entry => ({
  en: { title: en[0], explanation: en[1], ...(en[2] ? { action: en[2] } : {}) },
  "zh-CN": { title: zh[0], explanation: zh[1], ...(zh[2] ? { action: zh[2] } : {}) },
});

const throttled = (en: string, zh: string): Entry =>
  e(["Too many requests", en, "Wait a few seconds and try again."], ["请求过于频繁", zh, "请稍等几秒后重试。"]);
const onlyDigits = e(
  [
    "Phone number must be digits only",
    "CAMS accepts phone numbers as digits only: no “+”, spaces, dashes or brackets.",
    "Enter the country code and number as digits, for example 8613800001234.",
  ],
  ["号码只能包含数字", "CAMS 只接受纯数字的号码：不能包含“+”、空格、横线或括号。", "请以数字填写国家码和号码，例如 8613800001234。"],
);

const ENTRIES: Record<string, Entry> = {
  // ---- the catalogue every operation lists (HTTP 400) ----
  "Product.Unsubscript": e(
    [
      "Chat App Message Service is not activated",
      "The Alibaba Cloud account that owns this AccessKey has not activated Chat App Message Service (CAMS).",
      "Activate CAMS for this account in the Alibaba Cloud console, then try again.",
    ],
    ["未开通 Chat App 消息服务", "该 AccessKey 所属的阿里云账号尚未开通 Chat App 消息服务（CAMS）。", "请在阿里云控制台为该账号开通 CAMS 后重试。"],
  ),
  "Ram.PermissionDeny": e(
    [
      "Permission denied",
      "The AccessKey belongs to a RAM user that is not allowed to call this CAMS operation.",
      "Grant the RAM user a CAMS permission policy in the RAM console, or use another AccessKey.",
    ],
    ["没有权限", "该 AccessKey 所属的 RAM 用户无权调用此 CAMS 操作。", "请在 RAM 控制台为该用户授予 CAMS 权限策略，或改用其他 AccessKey。"],
  ),
  "System.LimitControl": throttled(
    "CAMS is throttling this account: it made more calls per second to this operation than CAMS allows.",
    "CAMS 正在对该账号限流：对此操作每秒调用次数超过了 CAMS 的上限。",
  ),
  "Unknown.ResourceOwnerId": e(
    [
      "Resource belongs to another account",
      "The space or phone number does not belong to the Alibaba Cloud account of this AccessKey.",
      "Check the space ID (CustSpaceId) and the cloud account assigned to this space.",
    ],
    ["资源不属于当前账号", "该空间或号码不属于此 AccessKey 对应的阿里云账号。", "请检查空间 ID（CustSpaceId）以及该空间关联的云账号。"],
  ),
  // ---- gateway (POP) errors ----
  SignatureDoesNotMatch: e(
    [
      "AccessKey secret is wrong",
      "CAMS could not verify the request signature. The AccessKey secret saved for this cloud account is most likely wrong.",
      "Enter the AccessKey secret again in the cloud account settings.",
    ],
    ["AccessKey Secret 错误", "CAMS 无法校验请求签名，通常是该云账号保存的 AccessKey Secret 不正确。", "请在云账号设置中重新填写 AccessKey Secret。"],
  ),
  IncompleteSignature: e(
    [
      "Incomplete signature",
      "The request reached CAMS without a complete signature, which usually means a proxy changed it.",
      "Check the endpoint and any proxy between the dashboard and CAMS.",
    ],
    ["签名不完整", "请求到达 CAMS 时签名不完整，通常是中间的代理修改了请求。", "请检查接入地址以及仪表盘与 CAMS 之间的代理。"],
  ),
  "InvalidAccessKeyId.NotFound": e(
    [
      "AccessKey ID not found",
      "Alibaba Cloud does not know this AccessKey ID. It may be mistyped or deleted.",
      "Check the AccessKey ID in the cloud account settings.",
    ],
    ["AccessKey ID 不存在", "阿里云找不到该 AccessKey ID，可能填写有误或已被删除。", "请在云账号设置中检查 AccessKey ID。"],
  ),
  "InvalidAccessKeyId.Inactive": e(
    [
      "AccessKey is disabled",
      "This AccessKey exists but is disabled.",
      "Enable it in the RAM console, or create a new AccessKey and save it here.",
    ],
    ["AccessKey 已停用", "该 AccessKey 存在但已被停用。", "请在 RAM 控制台启用它，或创建新的 AccessKey 并在此保存。"],
  ),
  "InvalidTimeStamp.Expired": e(
    [
      "Server clock is off",
      "The request time differs from Alibaba Cloud's time by more than 15 minutes.",
      "Synchronise the clock (NTP) of the machine running the dashboard.",
    ],
    ["服务器时间不准", "请求时间与阿里云时间相差超过 15 分钟。", "请同步运行仪表盘的服务器时间（NTP）。"],
  ),
  SignatureNonceUsed: e(
    [
      "Duplicate request",
      "CAMS has already seen this request's one-time number and rejected it as a replay.",
      "Try again.",
    ],
    ["重复的请求", "CAMS 已收到过该请求的一次性随机数，因此按重放请求拒绝。", "请重试。"],
  ),
  MissingParameter: e(
    ["Required value missing", "CAMS did not receive a value it requires for this operation.", "Fill in every required field and try again."],
    ["缺少必填参数", "CAMS 没有收到此操作必需的参数。", "请填写所有必填项后重试。"],
  ),
  "InvalidApi.NotFound": e(
    [
      "Operation not available at this endpoint",
      "The endpoint does not offer this CAMS operation, which usually means the endpoint is wrong.",
      "Check the endpoint in the cloud account settings (normally cams.ap-southeast-1.aliyuncs.com).",
    ],
    ["该接入地址不支持此操作", "该接入地址不提供此 CAMS 操作，通常是接入地址填写错误。", "请检查云账号设置中的接入地址（通常为 cams.ap-southeast-1.aliyuncs.com）。"],
  ),
  "Throttling.User": throttled(
    "Alibaba Cloud is throttling this account: it sent too many requests in a short time.",
    "阿里云正在对该账号限流：短时间内请求过多。",
  ),
  "Forbidden.RAM": e(
    [
      "Forbidden by RAM policy",
      "A RAM policy forbids this AccessKey from calling the operation.",
      "Ask the Alibaba Cloud account administrator to grant the permission.",
    ],
    ["被 RAM 策略禁止", "RAM 策略禁止该 AccessKey 调用此操作。", "请联系阿里云账号管理员授予相应权限。"],
  ),
  InternalError: e(
    [
      "CAMS internal error",
      "CAMS failed while handling the request.",
      "Try again later. If it keeps happening, contact Alibaba Cloud support with the request ID.",
    ],
    ["CAMS 内部错误", "CAMS 处理请求时出错。", "请稍后重试；如持续出现，请携带请求 ID 联系阿里云技术支持。"],
  ),
  ServiceUnavailable: e(
    ["CAMS is unavailable", "CAMS is temporarily unable to handle requests.", "Try again in a few minutes."],
    ["CAMS 暂不可用", "CAMS 暂时无法处理请求。", "请几分钟后重试。"],
  ),
  // ---- ChatApp business codes (HTTP 200, Code != OK) ----
  "Authentication.NoAuth": e(
    [
      "Not authorised for this WhatsApp resource",
      "The account is not authorised to use this space or number, for example because the number is not bound to the space.",
      "Check that the number belongs to this space and that the space is set up in CAMS.",
    ],
    ["无权使用该 WhatsApp 资源", "该账号无权使用此空间或号码，例如号码并未绑定到该空间。", "请确认号码属于此空间，且该空间已在 CAMS 中开通。"],
  ),
  "InvalidParameter.PhoneNumberError": e(
    [
      "Invalid phone number",
      "CAMS could not use this phone number: it is malformed or unknown in this space.",
      "Check the number: country code and number as digits, for example 8613800001234.",
    ],
    ["号码无效", "CAMS 无法使用此号码：格式错误或在此空间中不存在。", "请检查号码：以数字填写国家码和号码，例如 8613800001234。"],
  ),
  "InvalidParameter.FromOnlyNumeric": onlyDigits,
  "InvalidParameter.ToOnlyNumeric": onlyDigits,
  "InvalidParameter.VerifyCode": e(
    [
      "Wrong verification code",
      "The verification code is wrong or has expired.",
      "Check the code from the SMS or voice call, or request a new one.",
    ],
    ["验证码错误", "验证码不正确或已过期。", "请核对短信或语音电话中的验证码，或重新获取。"],
  ),
  "InvalidParameter.PhoneNumberNotVerified": e(
    [
      "Number not verified yet",
      "This phone number has not been verified, so CAMS cannot do this yet.",
      "Request a verification code, enter it, then try again.",
    ],
    ["号码尚未验证", "该号码还没有通过验证，CAMS 暂时无法执行此操作。", "请先获取并填写验证码，再重试。"],
  ),
  // ---- business codes the project's sandbox also uses ----
  "InvalidParameter.OnlyNumeric": onlyDigits,
  "InvalidParameter.VerifiedName": e(
    [
      "Display name not accepted",
      "The display name (VerifiedName) must be 1–255 characters and must not contain emoji.",
      "Use the business's name as it appears in its branding, without emoji or promotional wording.",
    ],
    ["显示名称不符合要求", "显示名称（VerifiedName）须为 1–255 个字符，且不能包含表情符号。", "请使用与企业品牌一致的名称，不要包含表情符号或促销用语。"],
  ),
  "InvalidParameter.PhoneNumberExists": e(
    [
      "Number already added",
      "This phone number has already been added to a WhatsApp Business Account.",
      "Look for it in the phone number list, or remove it from the other account first.",
    ],
    ["号码已添加", "该号码已被添加到某个 WhatsApp Business 账号中。", "请在号码列表中查找，或先从另一个账号中移除。"],
  ),
  "InvalidParameter.Method": e(
    ["Unsupported delivery method", "The verification code can only be sent by SMS or by voice call.", "Choose SMS or voice call."],
    ["不支持的接收方式", "验证码只能通过短信或语音电话发送。", "请选择短信或语音电话。"],
  ),
  "InvalidParameter.Locale": e(
    ["Unsupported language", "The verification message language must be Chinese (zh_CN) or English (en_US).", "Choose Chinese or English."],
    ["不支持的语言", "验证消息的语言只能是中文（zh_CN）或英文（en_US）。", "请选择中文或英文。"],
  ),
  "InvalidParameter.VerifyCodeExpired": e(
    [
      "No valid verification code",
      "The code expired, was never requested, or had too many wrong attempts.",
      "Request a new verification code.",
    ],
    ["没有有效的验证码", "验证码已过期、从未获取过，或错误次数过多。", "请重新获取验证码。"],
  ),
  "InvalidOperation.RegistrationLimit": e(
    [
      "Weekly registration limit reached",
      "WhatsApp allows at most 10 registrations and 10 deregistrations per number per week.",
      "Try again next week.",
    ],
    ["已达到每周注册次数上限", "WhatsApp 规定每个号码每周最多注册 10 次、注销 10 次。", "请下周再试。"],
  ),
  "InvalidParameter.EncryptionPublicKey": e(
    [
      "Public key not accepted",
      "The encryption key must be a 2048-bit RSA public key in PEM format (-----BEGIN PUBLIC KEY-----).",
      "Export the public key with `openssl rsa -pubout` and paste the whole PEM text.",
    ],
    ["公钥不符合要求", "加密密钥必须是 PEM 格式的 2048 位 RSA 公钥（-----BEGIN PUBLIC KEY-----）。", "请用 `openssl rsa -pubout` 导出公钥，并粘贴完整的 PEM 文本。"],
  ),
  "InvalidParameter.GenerateQrImage": e(
    ["Unsupported image format", "QR code images can be PNG or SVG.", "Choose PNG or SVG."],
    ["不支持的图片格式", "二维码图片只能是 PNG 或 SVG。", "请选择 PNG 或 SVG。"],
  ),
  "InvalidParameter.PrefilledMessage": e(
    ["Message too long or empty", "The prefilled message must be 1–140 characters.", "Shorten the message."],
    ["消息为空或过长", "预填消息须为 1–140 个字符。", "请缩短消息。"],
  ),
  "InvalidParameter.QrdlLimitExceeded": e(
    [
      "Too many QR codes",
      "A number can have at most 2,000 QR codes and short links.",
      "Delete QR codes that are no longer used, then try again.",
    ],
    ["二维码数量已达上限", "每个号码最多可有 2,000 个二维码和短链接。", "请删除不再使用的二维码后重试。"],
  ),
  "InvalidParameter.QrdlCodeNotExist": e(
    ["QR code not found", "This QR code does not exist for the number; it may have been deleted.", "Refresh the list."],
    ["二维码不存在", "该号码下不存在此二维码，可能已被删除。", "请刷新列表。"],
  ),
  "InvalidParameter.TimeRange": e(
    ["Invalid time range", "The start and end of the range are invalid, reversed, or span too many data points.", "Choose a shorter range."],
    ["时间范围无效", "起止时间无效、顺序颠倒，或包含的数据点过多。", "请选择更短的时间范围。"],
  ),
  "InvalidParameter.Granularity": e(
    ["Invalid granularity", "Metrics can be grouped by day or by half hour.", "Choose daily or half-hourly."],
    ["统计粒度无效", "指标只能按天或按半小时统计。", "请选择按天或按半小时。"],
  ),
  "InvalidParameter.CallbackUrl": e(
    [
      "Invalid callback URL",
      "A callback URL must be an absolute http(s) URL of at most 1,024 characters, and HTTP delivery needs at least one URL.",
      "Enter a full URL such as https://example.com/cams/status.",
    ],
    ["回调地址无效", "回调地址必须是不超过 1,024 个字符的完整 http(s) 地址；启用 HTTP 推送时至少需要一个地址。", "请填写完整地址，例如 https://example.com/cams/status。"],
  ),
  "InvalidTimeStamp.Format": e(
    ["Malformed request time", "The request's timestamp was not in the format Alibaba Cloud expects.", "Check the server clock and any proxy."],
    ["请求时间格式错误", "请求中的时间戳格式不符合阿里云要求。", "请检查服务器时间和代理设置。"],
  ),
  InvalidVersion: e(
    ["Unsupported API version", "The endpoint does not support CAMS API version 2020-06-06.", "Check the endpoint in the cloud account settings."],
    ["不支持的 API 版本", "该接入地址不支持 CAMS API 2020-06-06 版本。", "请检查云账号设置中的接入地址。"],
  ),
  RequestEntityTooLarge: e(
    ["Request too large", "The request was larger than CAMS accepts.", "Shorten the values you entered."],
    ["请求过大", "请求内容超过了 CAMS 允许的大小。", "请缩短填写的内容。"],
  ),
  BadGateway: e(
    ["CAMS gateway error", "A gateway in front of CAMS received an invalid answer.", "Try again in a few minutes."],
    ["CAMS 网关错误", "CAMS 前端网关收到了无效响应。", "请几分钟后重试。"],
  ),
  GatewayTimeout: e(
    ["CAMS gateway timeout", "A gateway in front of CAMS timed out waiting for it.", "Check the current state, then try again."],
    ["CAMS 网关超时", "CAMS 前端网关等待响应超时。", "请先确认当前状态，再重试。"],
  ),
  // ---- produced by this dashboard ----
  "Network.Timeout": e(
    [
      "CAMS did not answer in time",
      "The request to CAMS timed out. It may or may not have been carried out.",
      "Check the current state before trying again; if timeouts persist, check the network and endpoint.",
    ],
    ["CAMS 响应超时", "请求 CAMS 超时，该操作可能已执行，也可能没有执行。", "重试前请先确认当前状态；如持续超时，请检查网络和接入地址。"],
  ),
  "Network.Dropped": e(
    [
      "Connection to CAMS was cut",
      "The connection closed before CAMS answered. The request may or may not have been carried out.",
      "Check the current state before trying again.",
    ],
    ["与 CAMS 的连接中断", "CAMS 响应前连接被关闭，该操作可能已执行，也可能没有执行。", "重试前请先确认当前状态。"],
  ),
  "Network.Refused": e(
    [
      "Cannot reach CAMS",
      "The dashboard could not connect to the CAMS endpoint: the address is wrong, unreachable or refused the connection.",
      "Check the endpoint and protocol in the cloud account settings, and the server's network access.",
    ],
    ["无法连接 CAMS", "仪表盘无法连接到 CAMS 接入地址：地址错误、不可达或拒绝连接。", "请检查云账号设置中的接入地址和协议，以及服务器的网络访问。"],
  ),
  "Response.Malformed": e(
    [
      "Unreadable answer from CAMS",
      "CAMS (or a proxy in between) answered with something that is not JSON.",
      "Try again later; check the endpoint if it keeps happening.",
    ],
    ["CAMS 返回内容无法解析", "CAMS（或中间代理）返回的内容不是 JSON。", "请稍后重试；如持续出现，请检查接入地址。"],
  ),
  "Response.Invalid": e(
    [
      "Unexpected answer from CAMS",
      "CAMS answered, but the answer did not have the expected shape, so the dashboard cannot use it.",
      "Try again; if it keeps happening, report it with the request ID.",
    ],
    ["CAMS 返回内容不符合预期", "CAMS 已返回结果，但其结构与预期不符，仪表盘无法使用。", "请重试；如持续出现，请携带请求 ID 反馈。"],
  ),
  "Request.Invalid": e(
    ["Invalid input", "Some values are missing or not in the form CAMS accepts; nothing was sent.", "Correct the highlighted values and try again."],
    ["输入无效", "部分内容缺失或格式不符合 CAMS 要求，请求未发送。", "请修改标出的内容后重试。"],
  ),
  "RateLimit.QueueFull": e(
    [
      "Too many requests waiting",
      "So many requests for this operation are already queued that yours would wait too long; it was not sent.",
      "Wait a little and try again.",
    ],
    ["等待的请求过多", "此操作已有大量请求在排队，您的请求需要等待过久，因此未发送。", "请稍候再试。"],
  ),
  "Space.NotFound": e(
    ["Space not found", "This space does not exist or was deleted.", "Choose another space."],
    ["空间不存在", "该空间不存在或已被删除。", "请选择其他空间。"],
  ),
  "Space.NoAccount": e(
    [
      "No cloud account for this space",
      "This space has no Alibaba Cloud account, so the dashboard cannot call CAMS for it.",
      "Assign a cloud account to the space in Settings.",
    ],
    ["该空间未关联云账号", "该空间没有关联阿里云账号，因此无法调用 CAMS。", "请在设置中为该空间关联云账号。"],
  ),
  "Account.SecretUnreadable": e(
    [
      "Stored AccessKey secret cannot be read",
      "The saved AccessKey secret cannot be decrypted, usually because the server's encryption key changed.",
      "Restore the previous encryption key, or enter the AccessKey secret again.",
    ],
    ["无法读取已保存的 AccessKey Secret", "已保存的 AccessKey Secret 无法解密，通常是服务器的加密密钥发生了变化。", "请恢复原加密密钥，或重新填写 AccessKey Secret。"],
  ),
};

/** Every code with its own explanation. Families on top: Missing*, Throttling*, InvalidParameter.*. */
export const KNOWN_CAMS_ERROR_CODES = Object.keys(ENTRIES) as readonly string[];

/** Families whose members share a text; the member's own name is kept visible. */
function familyOf(code: string, locale: CamsLocale): CamsErrorExplanation | undefined {
  const missing = /^Missing([A-Z]\w*)$/.exec(code);
  if (missing) {
    const base = ENTRIES.MissingParameter[locale];
    return { ...base, explanation: `${base.explanation} (${missing[1]})` };
  }
  if (code.startsWith("Throttling")) return ENTRIES["Throttling.User"][locale];
  const param = /^InvalidParameter\.(\w+)$/.exec(code);
  if (param) {
    return locale === "zh-CN"
      ? { title: "参数无效", explanation: `CAMS 不接受其中一个值（${code}）。`, action: "请检查填写的内容后重试。" }
      : { title: "Invalid value", explanation: `CAMS did not accept one of the values (${code}).`, action: "Check what you entered and try again." };
  }
  return undefined;
}

/** Title, explanation and suggested action for a CAMS error code; unknown codes get a generic text naming the code. */
export function explainCamsError(code: string, locale: CamsLocale): CamsErrorExplanation {
  if (Object.hasOwn(ENTRIES, code)) return ENTRIES[code][locale];
  const family = familyOf(code, locale);
  if (family) return family;
  if (locale === "zh-CN") {
    return {
      title: `CAMS 错误：${code}`,
      explanation: `CAMS 返回了错误码“${code}”，仪表盘没有关于它的说明。`,
      action: "请重试；如持续出现，请携带错误码和请求 ID 联系阿里云技术支持。",
    };
  }
  return {
    title: `CAMS error: ${code}`,
    explanation: `CAMS returned the error code “${code}”, which this dashboard has no explanation for.`,
    action: "Try again; if it keeps happening, contact Alibaba Cloud support with the code and the request ID.",
  };
}
