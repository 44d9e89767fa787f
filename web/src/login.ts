// The login screen: the API key is checked against /session and kept in sessionStorage.
// Where the server answers keyless requests (the demo on loopback) it is never shown.
import { AuthError, openSession, setApiKey } from "./api";
import { byId } from "./dom";
import { errorText } from "./app";

export function showLogin(message = ""): void {
  byId("app").hidden = true;
  byId("login").hidden = false;
  byId("login-error").textContent = message;
  const input = byId<HTMLInputElement>("login-key");
  input.value = "";
  input.focus();
}

export function initLogin(onLoggedIn: () => void): void {
  byId<HTMLFormElement>("login-form").addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const key = byId<HTMLInputElement>("login-key").value.trim();
    if (!key) return;
    setApiKey(key);
    try {
      await openSession();
    } catch (err) {
      setApiKey(null);
      showLogin(err instanceof AuthError ? "That API key was refused." : errorText(err));
      return;
    }
    byId("login").hidden = true;
    byId("app").hidden = false;
    onLoggedIn();
  });
}
