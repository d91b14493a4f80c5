// Korean first, English second. Static text in index.html names its key in data-i18n (text),
// data-i18n-placeholder, data-i18n-aria-label or data-i18n-title; everything else asks t().

const STRINGS = {
  ko: {
    'skip': '본문으로 건너뛰기',
    'brand.tagline': '리뷰 답글은 AI가 쓰고, 사장님은 승인만 하세요.',
    'lang.switch': 'English',
    'lang.switch.label': 'Switch to English',
    'live.connecting': '연결 중',
    'live.live': '실시간',
    'live.reconnecting': '다시 연결 중',
    'live.offline': '오프라인',
    'live.title.live': '새 리뷰와 변경 사항이 바로 표시됩니다',
    'live.title.reconnecting': '연결이 끊겨 다시 연결하고 있어요. 연결되면 놓친 내용을 불러옵니다',
    'auth.login': '로그인',
    'auth.signup': '회원가입',
    'auth.email': '이메일',
    'auth.password': '비밀번호',
    'auth.password.hint': '10자 이상',
    'auth.name': '이름',
    'auth.shopName': '매장 이름',
    'auth.login.submit': '로그인',
    'auth.signup.submit': '시작하기',
    'auth.working': '잠시만요…',
    'auth.required': '입력해 주세요',
    'auth.expired': '로그인이 만료되었어요. 다시 로그인해 주세요.',
    'auth.failed': '이메일 또는 비밀번호가 맞지 않아요.',
    'auth.emailTaken': '이미 가입된 이메일이에요. 로그인해 주세요.',
    'auth.footnote': '보안을 위해 로그인 정보는 이 탭에만 보관돼요. 새로고침하면 다시 로그인합니다.',
    'nav.logout': '로그아웃',
    'nav.shop': '매장',
    'nav.inbox': '리뷰함',
    'nav.settings': '설정',
    'dash.hello': '{name} 사장님, 안녕하세요',
    'dash.lastSync': '마지막 동기화 {when}',
    'dash.neverSynced': '아직 동기화 전',
    'dash.syncNow': '지금 동기화',
    'dash.syncing': '동기화 요청됨',
    'dash.syncRequested': '동기화를 시작했어요. 새 리뷰가 곧 나타나요.',
    'counter.new': '새 리뷰',
    'counter.awaiting': '승인 대기',
    'counter.published': '게시됨',
    'counter.failed': '게시 실패',
    'counter.rating': '평균 별점',
    'counter.replyRate': '답글률',
    'counter.median': '응답 시간 (중앙값)',
    'counter.total': '전체 {n}개',
    'counters.label': '매장 현황',
    'filter.label': '리뷰 거르기',
    'filter.status': '상태',
    'filter.rating': '별점',
    'filter.source': '출처',
    'filter.all': '전체',
    'filter.stars': '{n}점',
    'inbox.title': '리뷰함',
    'inbox.count': '{n}개',
    'inbox.loadMore': '더 보기',
    'inbox.loading': '불러오는 중…',
    'inbox.newItems': '새 리뷰 {n}개',
    'inbox.empty.connect.title': 'Google 리뷰를 모아 볼까요?',
    'inbox.empty.connect.body': 'Google 비즈니스 프로필을 연결하면 리뷰가 여기에 모이고, 답글 초안이 자동으로 준비돼요.',
    'inbox.empty.connect.action': 'Google 연결하기',
    'inbox.empty.sync.title': '아직 리뷰가 없어요',
    'inbox.empty.sync.body': '새 리뷰는 10분마다 자동으로 가져와요. 지금 바로 가져올 수도 있어요.',
    'inbox.empty.filtered': '조건에 맞는 리뷰가 없어요.',
    'status.NEW': '새 리뷰',
    'status.DRAFTING': '초안 작성 중',
    'status.DRAFTED': '승인 대기',
    'status.APPROVED': '게시 중',
    'status.PUBLISHED': '게시됨',
    'status.PUBLISH_FAILED': '게시 실패',
    'status.REJECTED': '보류됨',
    'status.REPLIED_ELSEWHERE': 'Google에서 답변됨',
    'source.GOOGLE': 'Google',
    'source.NAVER': '네이버',
    'review.stars': '별점 {n}점',
    'review.noComment': '(별점만 남긴 리뷰)',
    'review.reply': '답글',
    'review.draft.ai': 'AI 초안',
    'review.draft.human': '직접 쓴 답글',
    'review.draft.source': 'Google에 게시된 답글',
    'review.drafting': 'AI가 답글 초안을 쓰고 있어요…',
    'review.noDraft': '아직 초안이 없어요. 직접 쓰거나 새 초안을 요청하세요.',
    'review.publishedAt': '{when} 게시',
    'review.publishing': 'Google에 게시하는 중…',
    'review.approvedBy': '{name} 님이 승인',
    'review.failed': '게시하지 못했어요: {reason}',
    'review.failed.attempts': '시도 {n}회',
    'failure.REVIEW_NOT_FOUND_AT_SOURCE': 'Google에서 리뷰가 삭제되었어요',
    'failure.GOOGLE_UNAVAILABLE': 'Google이 응답하지 않았어요',
    'failure.GOOGLE_NOT_CONNECTED': 'Google 연결이 끊겼어요. 설정에서 다시 연결해 주세요',
    'failure.GOOGLE_AUTH_REJECTED': 'Google이 연결 권한을 거부했어요. 다시 연결해 주세요',
    'failure.GOOGLE_PERMISSION_DENIED': '이 위치에 답글을 쓸 권한이 없어요',
    'failure.GOOGLE_REJECTED_REPLY': 'Google이 답글 내용을 받지 않았어요',
    'failure.PUBLISH_UNAVAILABLE': 'Google에 여러 번 연결하지 못했어요',
    'failure.SOURCE_HAS_NO_REPLY_API': '이 출처는 자동 게시를 지원하지 않아요. 답글을 직접 복사해 주세요',
    'review.rejected': '보류한 답글이에요. 고쳐서 다시 승인할 수 있어요.',
    'review.elsewhere': '이 리뷰는 Google에서 직접 답변되었어요.',
    'review.approve': '승인하고 게시',
    'review.save': '수정 저장',
    'review.saved': '저장했어요',
    'review.reject': '보류',
    'review.redraft': '새 초안',
    'review.retry': '다시 게시',
    'review.instruction': '초안에 바라는 점',
    'review.instruction.placeholder': '예: 더 짧게, 새 영업시간 안내',
    'review.instruction.submit': '새 초안 요청',
    'review.cancel': '취소',
    'review.serverChanged': '다른 곳에서 답글이 바뀌었어요.',
    'review.useServer': '새 내용 불러오기',
    'review.approved': '승인했어요. Google에 게시할게요.',
    'review.redraftRequested': '새 초안을 요청했어요.',
    'review.rejectedToast': '답글을 보류했어요.',
    'review.retrying': '다시 게시하고 있어요.',
    'review.versionMismatch': '그 사이 답글이 바뀌었어요. 최신 내용을 확인해 주세요.',
    'settings.reply.title': '답글 설정',
    'settings.reply.body': 'AI가 초안을 쓸 때 따르는 말투와 규칙이에요.',
    'settings.tone': '말투',
    'settings.tone.FRIENDLY': '친근하게',
    'settings.tone.POLITE': '정중하게',
    'settings.tone.FORMAL': '격식 있게',
    'settings.language': '답글 언어',
    'settings.language.AUTO': '리뷰와 같은 언어',
    'settings.language.ko': '한국어',
    'settings.language.en': '영어',
    'settings.signature': '서명',
    'settings.signature.placeholder': '예: 살롱 루미 드림',
    'settings.autoDraft': '새 리뷰에 초안 자동 작성',
    'settings.autoPublish': '자동 게시',
    'settings.autoPublish.off': '사용 안 함 (모두 직접 승인)',
    'settings.autoPublish.min': '{n}점 이상 리뷰는 바로 게시',
    'settings.autoPublish.five': '5점 리뷰만 바로 게시',
    'settings.allowOffers': '답글에 할인·환불 제안 허용',
    'settings.save': '설정 저장',
    'settings.saved': '설정을 저장했어요.',
    'settings.ownerOnly': '설정은 매장 대표(OWNER)만 바꿀 수 있어요.',
    'google.title': 'Google 비즈니스 프로필',
    'google.body': '리뷰를 가져오고 답글을 게시할 위치를 연결해요. 토큰은 암호화해 보관하고 다시 보여주지 않아요.',
    'google.accountId': '계정 ID (accountId)',
    'google.locationId': '위치 ID (locationId)',
    'google.refreshToken': '리프레시 토큰',
    'google.connect': '연결하기',
    'google.reconnect': '다시 연결',
    'google.connected': '연결됨 · {when}',
    'google.notConnected': '아직 연결되지 않았어요',
    'google.connectedToast': 'Google에 연결했어요. 이제 동기화할 수 있어요.',
    'google.badToken': 'Google이 이 리프레시 토큰을 받지 않았어요. 토큰을 다시 확인해 주세요.',
    'google.badId': '계정 ID와 위치 ID는 accounts/…/locations/… 의 숫자·문자 부분만 넣어 주세요.',
    'google.unavailable': '지금은 Google에 닿지 않아요. 잠시 후 다시 시도해 주세요.',
    'error.generic': '문제가 생겼어요. 잠시 후 다시 시도해 주세요.',
    'error.network': '서버에 닿지 않아요. 연결을 확인해 주세요.',
    'error.forbidden': '이 작업을 할 권한이 없어요.',
    'error.rateLimited': '요청이 너무 많아요. 잠시 후 다시 시도해 주세요.',
    'time.justNow': '방금',
    'minutes.none': '—',
    'rating.none': '—',
    'close': '닫기',
  },
  en: {
    'skip': 'Skip to content',
    'brand.tagline': 'AI drafts your review replies. You just approve.',
    'lang.switch': '한국어',
    'lang.switch.label': '한국어로 보기',
    'live.connecting': 'Connecting',
    'live.live': 'Live',
    'live.reconnecting': 'Reconnecting',
    'live.offline': 'Offline',
    'live.title.live': 'New reviews and changes appear as they happen',
    'live.title.reconnecting': 'The connection dropped; reconnecting. Anything missed is loaded once it is back',
    'auth.login': 'Log in',
    'auth.signup': 'Sign up',
    'auth.email': 'Email',
    'auth.password': 'Password',
    'auth.password.hint': 'At least 10 characters',
    'auth.name': 'Your name',
    'auth.shopName': 'Shop name',
    'auth.login.submit': 'Log in',
    'auth.signup.submit': 'Get started',
    'auth.working': 'One moment…',
    'auth.required': 'please fill this in',
    'auth.expired': 'Your session ended. Please log in again.',
    'auth.failed': 'That email or password is not right.',
    'auth.emailTaken': 'This email already has an account. Please log in.',
    'auth.footnote': 'For your security the login lives only in this tab. Reloading asks you to log in again.',
    'nav.logout': 'Log out',
    'nav.shop': 'Shop',
    'nav.inbox': 'Inbox',
    'nav.settings': 'Settings',
    'dash.hello': 'Hello, {name}',
    'dash.lastSync': 'Last synced {when}',
    'dash.neverSynced': 'Not synced yet',
    'dash.syncNow': 'Sync now',
    'dash.syncing': 'Sync requested',
    'dash.syncRequested': 'Sync started. New reviews will appear shortly.',
    'counter.new': 'New',
    'counter.awaiting': 'Awaiting approval',
    'counter.published': 'Published',
    'counter.failed': 'Failed',
    'counter.rating': 'Average rating',
    'counter.replyRate': 'Reply rate',
    'counter.median': 'Median response',
    'counter.total': '{n} in total',
    'counters.label': 'Shop at a glance',
    'filter.label': 'Filter reviews',
    'filter.status': 'Status',
    'filter.rating': 'Rating',
    'filter.source': 'Source',
    'filter.all': 'All',
    'filter.stars': '{n} stars',
    'inbox.title': 'Inbox',
    'inbox.count': '{n} reviews',
    'inbox.loadMore': 'Load more',
    'inbox.loading': 'Loading…',
    'inbox.newItems': '{n} new',
    'inbox.empty.connect.title': 'Bring in your Google reviews',
    'inbox.empty.connect.body': 'Connect your Google Business Profile and reviews gather here, each with a reply draft ready.',
    'inbox.empty.connect.action': 'Connect Google',
    'inbox.empty.sync.title': 'No reviews yet',
    'inbox.empty.sync.body': 'New reviews are fetched every 10 minutes. You can also fetch them right now.',
    'inbox.empty.filtered': 'No reviews match these filters.',
    'status.NEW': 'New',
    'status.DRAFTING': 'Drafting',
    'status.DRAFTED': 'Awaiting approval',
    'status.APPROVED': 'Publishing',
    'status.PUBLISHED': 'Published',
    'status.PUBLISH_FAILED': 'Publish failed',
    'status.REJECTED': 'Held back',
    'status.REPLIED_ELSEWHERE': 'Answered on Google',
    'source.GOOGLE': 'Google',
    'source.NAVER': 'Naver',
    'review.stars': '{n} out of 5 stars',
    'review.noComment': '(rating only, no text)',
    'review.reply': 'Reply',
    'review.draft.ai': 'AI draft',
    'review.draft.human': 'Written by you',
    'review.draft.source': 'Reply on Google',
    'review.drafting': 'The AI is drafting a reply…',
    'review.noDraft': 'No draft yet. Write one or ask for a new draft.',
    'review.publishedAt': 'Published {when}',
    'review.publishing': 'Publishing to Google…',
    'review.approvedBy': 'Approved by {name}',
    'review.failed': 'Could not publish: {reason}',
    'review.failed.attempts': '{n} attempts',
    'failure.REVIEW_NOT_FOUND_AT_SOURCE': 'the review was deleted on Google',
    'failure.GOOGLE_UNAVAILABLE': 'Google did not answer',
    'failure.GOOGLE_NOT_CONNECTED': 'Google is no longer connected; reconnect it in Settings',
    'failure.GOOGLE_AUTH_REJECTED': 'Google refused the connection; please reconnect',
    'failure.GOOGLE_PERMISSION_DENIED': 'no permission to reply for this location',
    'failure.GOOGLE_REJECTED_REPLY': 'Google did not accept the reply text',
    'failure.PUBLISH_UNAVAILABLE': 'Google could not be reached after several tries',
    'failure.SOURCE_HAS_NO_REPLY_API': 'this source cannot be published to automatically; copy the reply by hand',
    'review.rejected': 'This reply is held back. Edit it and approve when ready.',
    'review.elsewhere': 'This review was answered directly on Google.',
    'review.approve': 'Approve & publish',
    'review.save': 'Save edit',
    'review.saved': 'Saved',
    'review.reject': 'Hold back',
    'review.redraft': 'New draft',
    'review.retry': 'Retry publishing',
    'review.instruction': 'What should change?',
    'review.instruction.placeholder': 'e.g. shorter, mention our new opening hours',
    'review.instruction.submit': 'Ask for a new draft',
    'review.cancel': 'Cancel',
    'review.serverChanged': 'This reply was changed elsewhere.',
    'review.useServer': 'Load the new text',
    'review.approved': 'Approved. Publishing to Google.',
    'review.redraftRequested': 'A new draft is on its way.',
    'review.rejectedToast': 'Reply held back.',
    'review.retrying': 'Publishing again.',
    'review.versionMismatch': 'The reply changed meanwhile. Please check the latest text.',
    'settings.reply.title': 'Reply settings',
    'settings.reply.body': 'The voice and rules the AI follows when it drafts.',
    'settings.tone': 'Tone',
    'settings.tone.FRIENDLY': 'Friendly',
    'settings.tone.POLITE': 'Polite',
    'settings.tone.FORMAL': 'Formal',
    'settings.language': 'Reply language',
    'settings.language.AUTO': 'Same as the review',
    'settings.language.ko': 'Korean',
    'settings.language.en': 'English',
    'settings.signature': 'Signature',
    'settings.signature.placeholder': 'e.g. — The Salon Lumi team',
    'settings.autoDraft': 'Draft a reply for every new review',
    'settings.autoPublish': 'Auto-publish',
    'settings.autoPublish.off': 'Off (approve every reply)',
    'settings.autoPublish.min': 'Publish right away for {n}+ stars',
    'settings.autoPublish.five': 'Publish right away for 5 stars only',
    'settings.allowOffers': 'Allow replies to offer discounts or refunds',
    'settings.save': 'Save settings',
    'settings.saved': 'Settings saved.',
    'settings.ownerOnly': 'Only the shop owner can change settings.',
    'google.title': 'Google Business Profile',
    'google.body': 'Connect the location to fetch reviews from and publish replies to. The token is stored encrypted and never shown again.',
    'google.accountId': 'Account ID (accountId)',
    'google.locationId': 'Location ID (locationId)',
    'google.refreshToken': 'Refresh token',
    'google.connect': 'Connect',
    'google.reconnect': 'Reconnect',
    'google.connected': 'Connected · {when}',
    'google.notConnected': 'Not connected yet',
    'google.connectedToast': 'Google is connected. You can sync now.',
    'google.badToken': 'Google did not accept this refresh token. Please check it.',
    'google.badId': 'Use only the id parts of accounts/…/locations/… (letters, digits, - and _).',
    'google.unavailable': 'Google cannot be reached right now. Please try again shortly.',
    'error.generic': 'Something went wrong. Please try again shortly.',
    'error.network': 'The server cannot be reached. Check your connection.',
    'error.forbidden': 'You are not allowed to do that.',
    'error.rateLimited': 'Too many requests. Please wait a moment.',
    'time.justNow': 'just now',
    'minutes.none': '—',
    'rating.none': '—',
    'close': 'Close',
  },
};

export const LANGUAGES = ['ko', 'en'];
const PREF_KEY = 'salonmate.lang'; // a display preference, never a credential

let current = pickInitial();
const listeners = new Set();

function pickInitial() {
  try {
    const saved = localStorage.getItem(PREF_KEY);
    if (LANGUAGES.includes(saved)) return saved;
  } catch { /* storage may be unavailable */ }
  const wanted = (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || 'ko']);
  for (const tag of wanted) {
    const base = String(tag).toLowerCase().split('-')[0];
    if (LANGUAGES.includes(base)) return base;
  }
  return 'ko';
}

export function lang() {
  return current;
}

export function setLang(next) {
  if (!LANGUAGES.includes(next) || next === current) return;
  current = next;
  try { localStorage.setItem(PREF_KEY, next); } catch { /* ignore */ }
  applyStatic(document);
  listeners.forEach(fn => fn(next));
}

export function onLangChange(fn) {
  listeners.add(fn);
}

/** The text for key in the current language, with {name} placeholders filled in. */
export function has(key) {
  return key in (STRINGS[current] || STRINGS.ko);
}

export function t(key, params = {}) {
  const table = STRINGS[current] || STRINGS.ko;
  const template = table[key] ?? STRINGS.ko[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name) => (name in params ? String(params[name]) : `{${name}}`));
}

/** Fills every data-i18n* element below root (text only, never markup). */
export function applyStatic(root) {
  document.documentElement.lang = current;
  root.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach(el => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  root.querySelectorAll('[data-i18n-aria-label]').forEach(el => { el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel)); });
  root.querySelectorAll('[data-i18n-title]').forEach(el => { el.title = t(el.dataset.i18nTitle); });
}

// --- formatting ---------------------------------------------------------------------------------------

function locale() {
  return current === 'ko' ? 'ko-KR' : 'en';
}

export function formatDateTime(iso, timeZone) {
  if (!iso) return '';
  const date = new Date(iso);
  try {
    return new Intl.DateTimeFormat(locale(), {
      year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone,
    }).format(date);
  } catch {
    return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  }
}

export function formatRelative(iso, now = Date.now()) {
  if (!iso) return '';
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 45) return t('time.justNow');
  const rtf = new Intl.RelativeTimeFormat(locale(), { numeric: 'auto' });
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(seconds / 3600), 'hour');
  if (abs < 86400 * 30) return rtf.format(Math.round(seconds / 86400), 'day');
  if (abs < 86400 * 365) return rtf.format(Math.round(seconds / (86400 * 30)), 'month');
  return rtf.format(Math.round(seconds / (86400 * 365)), 'year');
}

export function formatMinutes(minutes) {
  if (minutes == null || Number.isNaN(minutes)) return t('minutes.none');
  const total = Math.max(0, Math.round(minutes));
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const mins = total % 60;
  const unit = (value, u) => new Intl.NumberFormat(locale(), { style: 'unit', unit: u, unitDisplay: 'narrow' }).format(value);
  if (days > 0) return hours > 0 ? `${unit(days, 'day')} ${unit(hours, 'hour')}` : unit(days, 'day');
  if (hours > 0) return mins > 0 ? `${unit(hours, 'hour')} ${unit(mins, 'minute')}` : unit(hours, 'hour');
  return unit(mins, 'minute');
}

export function formatPercent(ratio) {
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(ratio || 0);
}

export function formatNumber(n) {
  return new Intl.NumberFormat(locale()).format(n || 0);
}

export function formatRating(value) {
  if (value == null) return t('rating.none');
  return new Intl.NumberFormat(locale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}
