import { useMutation } from "@tanstack/react-query";
import { useEffect, useId, useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { useApp } from "../app-context";
import { beginSignIn, completeSignIn } from "../auth/cognito";
import { demoUsers } from "../auth/demo-users";
import { type Role, sessionFromToken } from "../auth/session";
import { Spinner } from "../components/loading";
import { ErrorMessage } from "../components/problem-message";
import type { CognitoConfig } from "../config";
import { useI18n } from "../i18n/i18n";
import { SignInAgreement } from "./privacy/legal-links";

/** The admins' pool, coming back to the console's own callback (its client allows only that one). */
const adminPool = (config: CognitoConfig): CognitoConfig => ({
  ...config,
  redirectUri: `${location.origin}/admin/auth/callback`,
});

const home = (role: Role) =>
  role === "producer" ? "/producer" : role === "owner" ? "/me" : "/admin";

/** Local: pick a demo person (POST /auth/dev-login). AWS: the Cognito hosted UI. */
export const SignInPage = () => {
  const { t } = useI18n();
  const { config, devLogin, setToken } = useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get("next");
  const [sub, setSub] = useState("");
  const [role, setRole] = useState<Role>("owner");
  const subId = useId();
  const roleId = useId();
  const login = useMutation({
    mutationFn: async ({ who, as, name }: { who: string; as: Role; name?: string }) => {
      const token = await devLogin(who, as, name);
      setToken(token);
      // The local directory may know this person better (an approved applicant is a producer).
      navigate(next ?? home(sessionFromToken(token)?.role ?? as));
    },
  });
  const cognito = useMutation({
    mutationFn: async (admin: boolean) => {
      if (config.auth === "dev") return;
      const pool =
        admin && config.auth.adminCognito !== undefined
          ? adminPool(config.auth.adminCognito)
          : config.auth.cognito;
      location.assign(await beginSignIn(pool));
    },
  });

  if (config.auth !== "dev")
    return (
      <section className="card narrow">
        <h1>{t("signIn.title")}</h1>
        <p>{t("signIn.cognitoIntro")}</p>
        <SignInAgreement />
        <button type="button" className="primary" onClick={() => cognito.mutate(false)}>
          {t("signIn.cognito")}
        </button>
        {config.auth.adminCognito !== undefined && (
          <button type="button" onClick={() => cognito.mutate(true)}>
            {t("signIn.admin")}
          </button>
        )}
        <ErrorMessage error={cognito.error} />
      </section>
    );

  const group = (title: string, people: readonly { id: string; name: string }[], as: Role) => (
    <div>
      <h2>{title}</h2>
      <ul className="picker">
        {people.map((person) => (
          <li key={person.id}>
            <button
              type="button"
              disabled={login.isPending}
              onClick={() => login.mutate({ who: person.id, as, name: person.name })}
            >
              <span className="name">{person.name}</span>
              <span className="muted">{person.id}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );

  return (
    <section className="card narrow">
      <h1>{t("signIn.title")}</h1>
      <p>{t("signIn.devIntro")}</p>
      <SignInAgreement />
      <ErrorMessage error={login.error} />
      {group(t("signIn.owners"), demoUsers.owners, "owner")}
      {group(t("signIn.producers"), demoUsers.producers, "producer")}
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          login.mutate({ who: sub.trim(), as: role });
        }}
      >
        <h2>{t("signIn.custom")}</h2>
        <label htmlFor={subId}>{t("signIn.sub")}</label>
        <input
          id={subId}
          value={sub}
          required
          pattern="[A-Za-z0-9_.:@\-]+"
          onChange={(e) => setSub(e.target.value)}
        />
        <label htmlFor={roleId}>{t("signIn.role")}</label>
        <select id={roleId} value={role} onChange={(e) => setRole(e.target.value as Role)}>
          <option value="owner">{t("role.owner")}</option>
          <option value="producer">{t("role.producer")}</option>
          <option value="admin">{t("role.admin")}</option>
        </select>
        <button type="submit" className="primary" disabled={login.isPending}>
          {t("signIn.submit")}
        </button>
      </form>
    </section>
  );
};

// A code is good once: React's development double effect must not trade it twice.
let callbackHandled = false;

/**
 * /auth/callback: finishes the Cognito code flow, then goes home. /admin/auth/callback (`admin`)
 * does it with the admins' pool and goes to the console; its short session is not refreshed.
 */
export const AuthCallbackPage = ({ admin = false }: { admin?: boolean }) => {
  const { config, setToken, rememberRefreshToken } = useApp();
  const navigate = useNavigate();
  const { t } = useI18n();
  const finish = useMutation({
    mutationFn: async () => {
      if (config.auth === "dev") return;
      const adminConfig = config.auth.adminCognito;
      if (admin && adminConfig !== undefined) {
        const tokens = await completeSignIn(adminPool(adminConfig), location.href);
        setToken(tokens.idToken);
        navigate(home("admin"), { replace: true });
        return;
      }
      const tokens = await completeSignIn(config.auth.cognito, location.href);
      setToken(tokens.idToken);
      rememberRefreshToken(tokens.refreshToken);
      navigate("/", { replace: true });
    },
  });
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per callback
  useEffect(() => {
    if (callbackHandled) return;
    callbackHandled = true;
    finish.mutate();
  }, []);
  return (
    <section className="card narrow">
      <h1>{t("signIn.callback")}</h1>
      {finish.isError ? <ErrorMessage error={finish.error} /> : <Spinner />}
    </section>
  );
};
