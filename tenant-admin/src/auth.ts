import Keycloak from 'keycloak-js';

export interface ConsoleConfig {
  keycloakUrl: string;
  realm: string;
  clientId: string;
}

let keycloak: Keycloak | undefined;

/** Signs in with the authorization code flow and PKCE S256 (the realm's public caravan-console client). */
export async function signIn(config: ConsoleConfig): Promise<Keycloak> {
  keycloak = new Keycloak({ url: config.keycloakUrl, realm: config.realm, clientId: config.clientId });
  await keycloak.init({
    onLoad: 'login-required',
    pkceMethod: 'S256',
    checkLoginIframe: false,
    scope: 'openid organization:*',
    // back to the page that was asked for (a deep link survives sign-in)
    redirectUri: window.location.href,
  });
  return keycloak;
}

/** A token valid for at least 30 s more: renewed silently with the refresh token; sign in again if that fails. */
export async function token(): Promise<string | undefined> {
  if (!keycloak) return undefined;
  try {
    await keycloak.updateToken(30);
  } catch {
    await keycloak.login({ redirectUri: window.location.href });
  }
  return keycloak.token;
}

export function signOut() {
  keycloak?.logout({ redirectUri: new URL('./', document.baseURI).toString() });
}

export function username(): string {
  return (keycloak?.tokenParsed as { preferred_username?: string } | undefined)?.preferred_username ?? '';
}
