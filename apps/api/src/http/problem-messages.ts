import type { Language } from "@owners/domain";

/** A problem's human text in one language: a short title and a sentence saying what to do. */
export interface ProblemText {
  readonly title: string;
  readonly detail: string;
}

export type ProblemMessages = Readonly<Record<Language, ProblemText>>;

/**
 * Codes that exist only at the HTTP edge (routing, body limits, the origin guard, crashes): the
 * rest are the use cases' (`appErrorKinds`). problem-messages.test.ts finds every code the source
 * answers with and fails when one has no entry here.
 */
export type HttpOnlyProblemCode =
  | "REQUEST.INVALID"
  | "REQUEST.TOO_LARGE"
  | "AUTH.DIRECT_ACCESS"
  | "ROUTE.NOT_FOUND"
  | "INTERNAL";

const m = (ja: ProblemText, en: ProblemText): ProblemMessages => ({ ja, en });

/** Backends that did not answer: the reader gets the request id to quote, nothing else. */
const UNAVAILABLE = m(
  {
    title: "一時的に利用できません",
    detail: "サービスが一時的に利用できません(リクエスト {requestId})。",
  },
  { title: "Temporarily unavailable", detail: "the service is unavailable (request {requestId})" },
);

/**
 * Every problem code's title and detail, Japanese (the site's default) and English, keyed by
 * code. The English detail is used only when a problem carries none; the use cases' own messages
 * are English and name the specifics, so an English reader keeps them. `{requestId}` is the id
 * the reader can quote to support.
 */
export const PROBLEM_MESSAGES: Readonly<Record<string, ProblemMessages>> = {
  // The request itself.
  "VALIDATION.INVALID": m(
    { title: "入力内容が正しくありません", detail: "入力内容を確認して、もう一度お試しください。" },
    { title: "The request is not valid", detail: "Check the request and try again." },
  ),
  "REQUEST.INVALID": m(
    { title: "リクエストを読み取れません", detail: "リクエストの形式が正しくありません。" },
    { title: "The request could not be read", detail: "The request is malformed." },
  ),
  "REQUEST.TOO_LARGE": m(
    { title: "リクエストが大きすぎます", detail: "送信するデータを小さくしてください。" },
    { title: "The request is too large", detail: "Send a smaller request body." },
  ),
  "ROUTE.NOT_FOUND": m(
    { title: "ページが見つかりません", detail: "このアドレスに対応する機能はありません。" },
    { title: "Not found", detail: "No route answers this address." },
  ),
  "PAGINATION.INVALID_CURSOR": m(
    {
      title: "続きを読み込めません",
      detail: "一覧の続きの指定が正しくありません。最初から読み込み直してください。",
    },
    { title: "Invalid page cursor", detail: "Reload the list from its first page." },
  ),
  INTERNAL: m(
    {
      title: "システムエラー",
      detail: "こちら側で問題が発生しました。記録済みです。時間をおいてお試しください。",
    },
    { title: "Something went wrong", detail: "Something went wrong on our side; it was logged." },
  ),

  // Who is asking.
  "AUTH.UNAUTHENTICATED": m(
    { title: "ログインが必要です", detail: "ログインしてから、もう一度お試しください。" },
    { title: "Authentication is required", detail: "Sign in and try again." },
  ),
  "AUTH.FORBIDDEN": m(
    { title: "権限がありません", detail: "この操作を行う権限がありません。" },
    { title: "Not allowed", detail: "You are not allowed to do this." },
  ),
  "AUTH.DIRECT_ACCESS": m(
    { title: "権限がありません", detail: "サイトのアドレスからご利用ください。" },
    { title: "Not allowed", detail: "Call the API through the site's own address." },
  ),

  // Money and numbers.
  "MONEY.NOT_SAFE_INTEGER": m(
    { title: "金額が正しくありません", detail: "金額は円単位の整数で入力してください。" },
    { title: "Invalid amount", detail: "Amounts are whole yen." },
  ),
  "MONEY.NEGATIVE": m(
    { title: "金額が正しくありません", detail: "金額にマイナスは指定できません。" },
    { title: "Invalid amount", detail: "Amounts must not be negative." },
  ),
  "QUANTITY.INVALID": m(
    { title: "数量が正しくありません", detail: "数量は1以上の整数で入力してください。" },
    { title: "Invalid quantity", detail: "Quantities are whole numbers of at least 1." },
  ),
  "PRICING.INVALID": m(
    { title: "料金設定が正しくありません", detail: "料金や手数料の設定を確認してください。" },
    { title: "Invalid pricing", detail: "Check the prices and fees." },
  ),
  "PRICING.UNKNOWN_REGION": m(
    { title: "配送できない地域です", detail: "このプランはお届け先の地域に発送していません。" },
    { title: "Region not served", detail: "The plan does not ship to this region." },
  ),
  "LEDGER.UNBALANCED": m(
    {
      title: "会計が一致しません",
      detail: "売上・返金と支払・手数料の合計が一致しません。",
    },
    { title: "Ledger unbalanced", detail: "Charges minus refunds differ from payouts plus fees." },
  ),

  // Plans.
  "PLAN.NOT_FOUND": m(
    { title: "プランが見つかりません", detail: "指定されたプランはありません。" },
    { title: "Plan not found", detail: "No such plan." },
  ),
  "PLAN.INVALID": m(
    { title: "プランの内容が正しくありません", detail: "プランの各項目を確認してください。" },
    { title: "Invalid plan", detail: "Check the plan's fields." },
  ),
  "PLAN.WRONG_STATUS": m(
    {
      title: "現在の状態では実行できません",
      detail: "プランの今の状態では、この操作はできません。",
    },
    { title: "Not possible in this state", detail: "The plan's status does not allow this." },
  ),
  "PLAN.ILLEGAL_TRANSITION": m(
    {
      title: "プランの状態を変更できません",
      detail: "今の状態から、その状態には変更できません。",
    },
    { title: "Illegal status change", detail: "The plan cannot move to that status." },
  ),
  "PLAN.FROZEN_FIELD": m(
    {
      title: "変更できない項目です",
      detail: "販売開始後は、オーナーとの約束にあたる項目を変更できません。",
    },
    { title: "Field is frozen", detail: "Once sales open, the terms owners bought cannot change." },
  ),
  "PLAN.NOT_OPEN": m(
    { title: "受付期間外です", detail: "このプランは現在、申し込みを受け付けていません。" },
    { title: "Not open", detail: "The plan is not open for reservations." },
  ),
  "PLAN.SOLD_OUT": m(
    {
      title: "完売しました",
      detail: "ご希望の口数が残っていません。キャンセル待ちに登録できます。",
    },
    { title: "Sold out", detail: "Not enough shares are left; you can join the waitlist." },
  ),
  "PLAN.OWNER_LIMIT": m(
    {
      title: "口数の上限を超えています",
      detail: "お一人が持てる口数の上限を超えています。",
    },
    { title: "Owner limit reached", detail: "This exceeds the shares one owner may hold." },
  ),
  "PLAN.NOT_PRODUCER": m(
    { title: "権限がありません", detail: "この操作はプランの生産者だけが行えます。" },
    { title: "Not the producer", detail: "Only the plan's producer can do this." },
  ),

  // Reservations and ownerships.
  "RESERVATION.INVALID_SHARES": m(
    { title: "口数が正しくありません", detail: "口数は1以上の整数で指定してください。" },
    { title: "Invalid shares", detail: "Shares are whole numbers of at least 1." },
  ),
  "RESERVATION.IDEMPOTENCY_MISMATCH": m(
    {
      title: "申し込み内容が一致しません",
      detail: "同じ申し込みが別の内容で送信されました。画面を読み込み直してください。",
    },
    { title: "Idempotency key reused", detail: "This key was used for a different request." },
  ),
  "EXPERIENCE.IDEMPOTENCY_MISMATCH": m(
    {
      title: "予約内容が一致しません",
      detail: "同じ予約が別の席数で送信されました。画面を読み込み直してください。",
    },
    {
      title: "Idempotency key reused",
      detail: "This key was used for a booking of another number of seats.",
    },
  ),
  "OWNERSHIP.NOT_FOUND": m(
    { title: "オーナー権が見つかりません", detail: "指定されたオーナー権はありません。" },
    { title: "Ownership not found", detail: "No such ownership." },
  ),
  "OWNERSHIP.NOT_ACTIVE": m(
    { title: "オーナー権が有効ではありません", detail: "このオーナー権はすでに解約されています。" },
    { title: "Ownership not active", detail: "The ownership is no longer held." },
  ),
  "OWNERSHIP.CANCELLATION_CLOSED": m(
    { title: "キャンセル期限を過ぎています", detail: "このオーナー権はもうキャンセルできません。" },
    { title: "Cancellation closed", detail: "Cancellation is no longer possible." },
  ),
  "OWNERSHIP.NOT_OWNER": m(
    { title: "オーナーではありません", detail: "この操作はプランのオーナーだけが行えます。" },
    { title: "Not an owner", detail: "Only owners of the plan can do this." },
  ),

  // Waitlist.
  "WAITLIST.NOT_SOLD_OUT": m(
    {
      title: "まだ申し込めます",
      detail: "このプランには残りがあるため、キャンセル待ちは不要です。",
    },
    { title: "Not sold out", detail: "Shares can still be reserved." },
  ),
  "WAITLIST.ALREADY_WAITING": m(
    { title: "登録済みです", detail: "すでにキャンセル待ちに登録されています。" },
    { title: "Already waiting", detail: "You are already on the waitlist." },
  ),
  "WAITLIST.NOT_WAITING": m(
    { title: "登録されていません", detail: "キャンセル待ちに登録されていません。" },
    { title: "Not waiting", detail: "You are not on the waitlist." },
  ),
  "WAITLIST.OFFER_NOT_FOUND": m(
    { title: "ご案内が見つかりません", detail: "指定されたキャンセル待ちのご案内はありません。" },
    { title: "Offer not found", detail: "No such offer." },
  ),
  "WAITLIST.OFFER_EXPIRED": m(
    { title: "ご案内の期限切れ", detail: "キャンセル待ちのご案内の期限が過ぎました。" },
    { title: "Offer expired", detail: "The offer has expired." },
  ),

  // Harvest, credit, shipping.
  "HARVEST.INVALID_LOT": m(
    { title: "収穫ロットが正しくありません", detail: "ロットの等級と数量を確認してください。" },
    { title: "Invalid lot", detail: "Check the lot's grade and units." },
  ),
  "HARVEST.NOT_ALLOCATABLE": m(
    { title: "配分できません", detail: "収穫量が大きすぎて正確に配分できません。" },
    { title: "Not allocatable", detail: "The harvest is too large to allocate exactly." },
  ),
  "HARVEST.COMPLETE": m(
    { title: "収穫は完了しています", detail: "収穫完了後はロットを追加できません。" },
    { title: "Harvest complete", detail: "No lot can be added after the harvest is complete." },
  ),
  "HARVEST.PAYMENTS_PENDING": m(
    {
      title: "支払い待ちの予約があります",
      detail: "支払い待ちの予約が支払われるか期限切れになってから配分します。",
    },
    {
      title: "Payments pending",
      detail:
        "The harvest is allocated once every reservation waiting for its payment is paid or its hold ends.",
    },
  ),
  "LOT.NOT_FOUND": m(
    { title: "ロットが見つかりません", detail: "指定された収穫ロットはありません。" },
    { title: "Lot not found", detail: "No such lot." },
  ),
  "CREDIT.INSUFFICIENT": m(
    { title: "クレジットが足りません", detail: "ご利用可能なクレジットの残高が足りません。" },
    { title: "Not enough credit", detail: "The store credit balance is too low." },
  ),
  "SHIPPING.INFEASIBLE": m(
    { title: "発送日程を組めません", detail: "発送能力の範囲で日程を組めません。" },
    { title: "Shipping infeasible", detail: "No schedule fits the shipping capacity." },
  ),
  "SHIPPING.INVALID": m(
    { title: "発送の設定が正しくありません", detail: "発送に関する項目を確認してください。" },
    { title: "Invalid shipping", detail: "Check the shipping fields." },
  ),
  "PARCEL.INVALID_TRACKING": m(
    { title: "伝票番号が正しくありません", detail: "配送業者と伝票番号を確認してください。" },
    { title: "Invalid tracking number", detail: "Check the carrier and tracking number." },
  ),
  "PARCEL.NOT_SHIPPED": m(
    { title: "まだ発送されていません", detail: "発送前の荷物は受け取り済みにできません。" },
    { title: "Not shipped", detail: "A parcel can be delivered only after it is shipped." },
  ),
  "PARCEL.ALREADY_DELIVERED": m(
    { title: "お届け済みです", detail: "この荷物はすでにお届け済みです。" },
    { title: "Already delivered", detail: "This parcel was delivered already." },
  ),
  "PARCEL.NOT_FOUND": m(
    { title: "荷物が見つかりません", detail: "指定された荷物はこのプランにありません。" },
    { title: "Parcel not found", detail: "No such parcel in this plan." },
  ),
  "SEASON.PLAN_NOT_COMPLETED": m(
    {
      title: "プランはまだ完了していません",
      detail: "シーズンレポートはすべての荷物が届き、精算が終わってから公開できます。",
    },
    {
      title: "Plan not completed",
      detail: "A season report can be posted once every parcel is delivered and settled.",
    },
  ),
  "SEASON.INVALID": m(
    {
      title: "シーズンレポートの内容が正しくありません",
      detail: "収穫量・ひとこと・写真を確認してください。",
    },
    { title: "Invalid season report", detail: "Check the totals, the note and the photos." },
  ),
  "ADDRESS.NOT_FOUND": m(
    { title: "住所が見つかりません", detail: "指定された住所は登録されていません。" },
    { title: "Address not found", detail: "No saved address by that id." },
  ),

  // Experiences.
  "EXPERIENCE.OWNER_LIMIT": m(
    {
      title: "予約できる席数を超えています",
      detail: "この体験はオーナーお一人様あたりの席数に上限があります。",
    },
    { title: "Seat limit reached", detail: "Each owner may book only so many seats." },
  ),
  "EXPERIENCE.NOT_FOUND": m(
    { title: "体験が見つかりません", detail: "指定された体験はありません。" },
    { title: "Experience not found", detail: "No such experience." },
  ),
  "EXPERIENCE.INVALID": m(
    { title: "体験の内容が正しくありません", detail: "体験の各項目を確認してください。" },
    { title: "Invalid experience", detail: "Check the experience's fields." },
  ),
  "EXPERIENCE.FULL": m(
    { title: "満席です", detail: "ご希望の席数が残っていません。" },
    { title: "Fully booked", detail: "Not enough seats are left." },
  ),
  "EXPERIENCE.NOT_OWNER": m(
    { title: "オーナーではありません", detail: "この体験はプランのオーナーだけが予約できます。" },
    { title: "Not an owner", detail: "Only owners of the plan may book this experience." },
  ),
  "EXPERIENCE.CLOSED": m(
    { title: "受付を終了しました", detail: "この体験はすでに始まっています。" },
    { title: "Closed", detail: "The experience has already started." },
  ),
  "BOOKING.NOT_FOUND": m(
    { title: "予約が見つかりません", detail: "指定された予約はありません。" },
    { title: "Booking not found", detail: "No such booking." },
  ),

  // Updates and comments.
  "UPDATE.NOT_FOUND": m(
    { title: "お知らせが見つかりません", detail: "指定されたお知らせはありません。" },
    { title: "Update not found", detail: "No such update." },
  ),
  "COMMENT.NOT_FOUND": m(
    { title: "コメントが見つかりません", detail: "指定されたコメントはありません。" },
    { title: "Comment not found", detail: "No such comment." },
  ),
  "COMMENT.ALREADY_HIDDEN": m(
    { title: "非表示済みです", detail: "このコメントはすでに非表示です。" },
    { title: "Already hidden", detail: "The comment is hidden already." },
  ),
  "COMMUNICATION.INVALID": m(
    { title: "内容が正しくありません", detail: "入力内容を確認してください。" },
    { title: "Invalid message", detail: "Check the message's fields." },
  ),
  "OUTBOX.NOT_FOUND": m(
    { title: "通知が見つかりません", detail: "指定された通知はありません。" },
    { title: "Notification not found", detail: "No such notification." },
  ),

  // Producers, applications, people.
  "PRODUCER.NOT_FOUND": m(
    { title: "生産者が見つかりません", detail: "指定された生産者はいません。" },
    { title: "Producer not found", detail: "No approved producer by that id." },
  ),
  "APPLICATION.NOT_FOUND": m(
    { title: "申請が見つかりません", detail: "指定された生産者申請はありません。" },
    { title: "Application not found", detail: "No such application." },
  ),
  "APPLICATION.INVALID": m(
    { title: "申請の内容が正しくありません", detail: "申請の各項目を確認してください。" },
    { title: "Invalid application", detail: "Check the application's fields." },
  ),
  "APPLICATION.ILLEGAL_TRANSITION": m(
    { title: "申請の状態を変更できません", detail: "今の申請の状態では、この操作はできません。" },
    { title: "Illegal status change", detail: "The application's status does not allow this." },
  ),
  "PROFILE.INVALID": m(
    { title: "プロフィールが正しくありません", detail: "プロフィールの各項目を確認してください。" },
    { title: "Invalid profile", detail: "Check the profile's fields." },
  ),
  "IDENTITY.USER_NOT_FOUND": m(
    { title: "利用者が見つかりません", detail: "指定された利用者はいません。" },
    { title: "User not found", detail: "No such user." },
  ),
  "ACCOUNT.NOT_FOUND": m(
    { title: "アカウントがありません", detail: "このアカウントは退会済みです。" },
    { title: "Account not found", detail: "This account was closed." },
  ),
  "ACCOUNT.DELETION_BLOCKED": m(
    {
      title: "まだ退会できません",
      detail: "進行中のオーナー権やプランがあるため、今は退会できません。",
    },
    { title: "Account cannot be closed yet", detail: "Live ownerships or plans remain." },
  ),
  "AUDIT.QUERY_INVALID": m(
    { title: "検索条件が正しくありません", detail: "対象か操作者を指定してください。" },
    { title: "Invalid audit query", detail: "Name a subject or an actor." },
  ),

  // Payments and payouts.
  "PAYMENT.DECLINED": m(
    { title: "決済できませんでした", detail: "決済が承認されませんでした。" },
    { title: "Payment declined", detail: "The payment was declined." },
  ),
  "PAYMENT.MISMATCH": m(
    { title: "決済情報が一致しません", detail: "決済の記録が申し込みと一致しません。" },
    { title: "Payment mismatch", detail: "The payment does not match the reservation." },
  ),
  "PAYMENT.BAD_SIGNATURE": m(
    { title: "署名が正しくありません", detail: "決済サービスからの通知を確認できません。" },
    { title: "Bad signature", detail: "The payment notice's signature does not verify." },
  ),
  "PAYOUT.NOT_READY": m(
    {
      title: "受取口座の準備ができていません",
      detail: "受取口座の登録を完了してから販売を開始してください。",
    },
    { title: "Payout account not ready", detail: "Finish the payout account's onboarding." },
  ),
  "PAYOUT.NOT_ONBOARDED": m(
    { title: "受取口座がありません", detail: "まず受取口座の登録を始めてください。" },
    { title: "No payout account", detail: "Start the payout account's onboarding first." },
  ),

  // Uploads and batches.
  "UPLOAD.INVALID": m(
    { title: "ファイルが正しくありません", detail: "アップロードした写真を確認してください。" },
    { title: "Invalid upload", detail: "Not a photo key of this service." },
  ),
  "UPLOAD.NOT_FOUND": m(
    {
      title: "ファイルが見つかりません",
      detail: "アップロードが完了していません。もう一度お試しください。",
    },
    { title: "Upload not found", detail: "Nothing was uploaded under this key." },
  ),
  "UPLOAD.FORBIDDEN": m(
    {
      title: "アップロードできません",
      detail: "このアカウントはファイルをアップロードできません。",
    },
    { title: "Upload not allowed", detail: "This account cannot upload files." },
  ),
  "UPLOAD.RATE_LIMITED": m(
    {
      title: "アップロードが多すぎます",
      detail: "しばらく時間をおいてからアップロードしてください。",
    },
    { title: "Too many uploads", detail: "Wait a while before uploading again." },
  ),
  "BATCH.UNKNOWN": m(
    { title: "処理が見つかりません", detail: "その名前のバッチ処理はありません。" },
    { title: "Unknown batch", detail: "No batch by that name." },
  ),
  "BATCH.LEASE_HELD": m(
    { title: "実行中です", detail: "この処理は別の実行が進行中です。" },
    { title: "Already running", detail: "Another run of this batch holds its lease." },
  ),
  "BLOB.NOT_FOUND": m(
    { title: "ファイルが見つかりません", detail: "指定されたファイルはありません。" },
    { title: "File not found", detail: "No such file." },
  ),

  // Storage conflicts.
  "STORE.VERSION_CONFLICT": m(
    {
      title: "他の操作と重なりました",
      detail: "読み込んだ後に内容が変わりました。画面を読み込み直してください。",
    },
    { title: "Changed meanwhile", detail: "It changed since it was read; reload and retry." },
  ),
  "STORE.DUPLICATE": m(
    { title: "すでに存在します", detail: "同じものがすでに登録されています。" },
    { title: "Already exists", detail: "It exists already." },
  ),

  // Backends that did not answer.
  "STORE.UNAVAILABLE": UNAVAILABLE,
  "STORE.THROTTLED": UNAVAILABLE,
  "PAYMENT.UNAVAILABLE": UNAVAILABLE,
  "NOTIFY.UNAVAILABLE": UNAVAILABLE,
  "SCHEDULER.UNAVAILABLE": UNAVAILABLE,
  "IDENTITY.UNAVAILABLE": UNAVAILABLE,
  "CAPACITY.UNAVAILABLE": UNAVAILABLE,
};
