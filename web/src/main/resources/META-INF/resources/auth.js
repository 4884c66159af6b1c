// Login with Keycloak: OpenID Connect authorisation code flow with PKCE (S256), as a public client.
// Tokens live in sessionStorage (this tab only, gone when it closes) so a reload keeps the user signed in.

const SESSION_KEY = 'cchc.session';
const PENDING_KEY = 'cchc.login';
const REFRESH_MARGIN_MS = 30_000;

export class LoginError extends Error {}

function base64Url(bytes) {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(byteCount = 32) {
  return base64Url(crypto.getRandomValues(new Uint8Array(byteCount)));
}

async function challengeFor(verifier) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

/** Claims of a JWT, decoded as UTF-8 (names are Vietnamese). The signature was checked by whoever issued it to us. */
export function claimsOf(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const padded = part + '='.repeat((4 - (part.length % 4)) % 4);
    const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return {};
  }
}

function readJson(storage, key) {
  try {
    return JSON.parse(storage.getItem(key) ?? 'null');
  } catch {
    return null;
  }
}

export class Auth {
  constructor(config) {
    this.clientId = config.clientId;
    this.endpoint = `${config.keycloakUrl}/realms/${encodeURIComponent(config.realm)}/protocol/openid-connect`;
    this.redirectUri = `${location.origin}${location.pathname}`;
    this.session = readJson(sessionStorage, SESSION_KEY);
    this.refreshing = null;
    const refreshUntil = this.session?.refreshExpiresAt ?? Infinity;
    if (this.session && Date.now() >= this.session.expiresAt && Date.now() >= refreshUntil) {
      this.clear();
    }
  }

  get loggedIn() {
    return this.session !== null;
  }

  /** Display name from the ID token; realm roles from the access token. */
  get user() {
    if (!this.session) return null;
    const id = claimsOf(this.session.idToken);
    const access = claimsOf(this.session.accessToken);
    // Vietnamese order: family name first ("Võ Thị Hoa"); Keycloak's `name` claim is given + family.
    const name = [id.family_name, id.given_name].filter(Boolean).join(' ') || id.name || id.preferred_username || id.email || 'Người dùng';
    return { name, roles: access.realm_access?.roles ?? [], unitCode: access.unit_code ?? null };
  }

  async login() {
    const verifier = randomString(48);
    const state = randomString();
    const nonce = randomString();
    sessionStorage.setItem(PENDING_KEY, JSON.stringify({ verifier, state, nonce }));
    const params = new URLSearchParams({
      client_id: this.clientId,
      redirect_uri: this.redirectUri,
      response_type: 'code',
      scope: 'openid profile',
      state,
      nonce,
      code_challenge: await challengeFor(verifier),
      code_challenge_method: 'S256',
      ui_locales: 'vi',
    });
    location.assign(`${this.endpoint}/auth?${params}`);
  }

  /** Finishes a login when Keycloak has just redirected back with ?code=…&state=…; returns true if it did. */
  async completeLogin() {
    const query = new URLSearchParams(location.search);
    if (!query.has('state') || !(query.has('code') || query.has('error'))) return false;
    const pending = readJson(sessionStorage, PENDING_KEY);
    sessionStorage.removeItem(PENDING_KEY);
    history.replaceState(null, '', `${location.pathname}${location.hash}`);
    if (query.has('error')) {
      throw new LoginError(query.get('error') === 'access_denied'
        ? 'Bạn đã huỷ đăng nhập.'
        : 'Đăng nhập không thành công. Vui lòng thử lại.');
    }
    if (!pending || pending.state !== query.get('state')) {
      throw new LoginError('Phiên đăng nhập không hợp lệ hoặc đã quá hạn. Vui lòng đăng nhập lại.');
    }
    const tokens = await this.tokenRequest({
      grant_type: 'authorization_code',
      code: query.get('code'),
      redirect_uri: this.redirectUri,
      code_verifier: pending.verifier,
    });
    if (claimsOf(tokens.id_token).nonce !== pending.nonce) {
      throw new LoginError('Phiên đăng nhập không hợp lệ. Vui lòng đăng nhập lại.');
    }
    this.store(tokens);
    return true;
  }

  /** A valid access token (refreshed shortly before it expires), or null when signed out. */
  async accessToken() {
    if (!this.session) return null;
    if (Date.now() < this.session.expiresAt - REFRESH_MARGIN_MS) return this.session.accessToken;
    this.refreshing ??= this.refresh().finally(() => { this.refreshing = null; });
    return this.refreshing;
  }

  /**
   * A token that stays valid for at least `millis` more (refreshed now if not): called before a
   * quiz attempt starts, so no refresh is needed while the citizen answers.
   */
  async accessTokenValidFor(millis) {
    if (!this.session) return null;
    if (Date.now() + millis < this.session.expiresAt - REFRESH_MARGIN_MS) return this.session.accessToken;
    this.refreshing ??= this.refresh().finally(() => { this.refreshing = null; });
    return this.refreshing;
  }

  async refresh() {
    try {
      const tokens = await this.tokenRequest({ grant_type: 'refresh_token', refresh_token: this.session.refreshToken });
      this.store(tokens);
      return this.session.accessToken;
    } catch {
      this.clear();
      dispatchEvent(new CustomEvent('cchc:signed-out'));
      return null;
    }
  }

  logout() {
    const idToken = this.session?.idToken;
    this.clear();
    const params = new URLSearchParams({ client_id: this.clientId, post_logout_redirect_uri: this.redirectUri });
    if (idToken) params.set('id_token_hint', idToken);
    location.assign(`${this.endpoint}/logout?${params}`);
  }

  clear() {
    this.session = null;
    sessionStorage.removeItem(SESSION_KEY);
  }

  async tokenRequest(fields) {
    let response;
    try {
      response = await fetch(`${this.endpoint}/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ client_id: this.clientId, ...fields }),
      });
    } catch {
      throw new LoginError('Không kết nối được máy chủ đăng nhập. Vui lòng thử lại sau.');
    }
    if (!response.ok) throw new LoginError('Đăng nhập không thành công. Vui lòng thử lại.');
    return response.json();
  }

  store(tokens) {
    const now = Date.now();
    this.session = {
      accessToken: tokens.access_token,
      idToken: tokens.id_token ?? this.session?.idToken,
      refreshToken: tokens.refresh_token ?? this.session?.refreshToken,
      expiresAt: now + tokens.expires_in * 1000,
      // Keycloak says 0 for refresh tokens that do not expire on their own.
      refreshExpiresAt: tokens.refresh_expires_in ? now + tokens.refresh_expires_in * 1000 : null,
    };
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(this.session));
  }
}
