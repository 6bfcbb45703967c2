import { Button, PageHeader, TextField } from '@couronne/ui';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { LoginMutation, viewerFromAgent } from './auth.graphql.ts';
import { useKitT } from './kit-strings.ts';
import type { Session } from './session.ts';

export interface LoginPageProps {
  onSuccess: (session: Session) => void;
  /** Why the agent is here (« Votre session a expiré… »): announced when the page opens. */
  notice?: string | null;
}

type FormError = 'wrongCredentials' | 'rateLimited' | 'loginFailed';

/**
 * The one login form: the shell's login page and every module's standalone page use it. Field errors
 * are tied to their input (aria-describedby, aria-invalid) and focus goes to the first wrong field; an
 * error from the API is announced (role=alert) and receives focus, so keyboard and screen reader users
 * land on it.
 */
export function LoginPage({ onSuccess, notice }: LoginPageProps) {
  const t = useKitT();
  const [, login] = useMutation(LoginMutation);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [showFieldErrors, setShowFieldErrors] = useState(false);
  const [formError, setFormError] = useState<FormError | null>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);

  const emailError = showFieldErrors && email.trim() === '' ? t('emailRequired') : undefined;
  const passwordError = showFieldErrors && password === '' ? t('passwordRequired') : undefined;

  useEffect(() => {
    if (formError) errorRef.current?.focus();
  }, [formError]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    if (email.trim() === '' || password === '') {
      setShowFieldErrors(true);
      setFormError(null);
      (email.trim() === '' ? emailRef : passwordRef).current?.focus();
      return;
    }
    setPending(true);
    setFormError(null);
    const result = await login({ input: { email: email.trim(), password } });
    setPending(false);
    const answer = result.data?.login;
    if (answer?.__typename === 'LoginSuccess' && answer.agent) {
      onSuccess({ token: answer.token, expiresAt: answer.expiresAt, viewer: viewerFromAgent(answer.agent) });
      return;
    }
    setPassword('');
    setFormError(
      answer?.__typename === 'UnauthenticatedError' ? 'wrongCredentials' : answer?.__typename === 'RateLimitedError' ? 'rateLimited' : 'loginFailed',
    );
  };

  return (
    <div className="cou-login">
      <PageHeader title={t('loginTitle')} description={t('loginIntro')} />
      {notice && (
        <p role="alert" className="cou-notice">
          {notice}
        </p>
      )}
      <p role="alert" ref={errorRef} tabIndex={-1} className={formError ? 'cou-form-error' : undefined}>
        {formError && t(formError)}
      </p>
      <form onSubmit={submit} noValidate className="cou-form" aria-label={t('loginTitle')}>
        <TextField
          ref={emailRef}
          label={t('emailLabel')}
          description={t('emailDescription')}
          type="email"
          name="email"
          autoComplete="username"
          isRequired
          validationBehavior="aria"
          value={email}
          onChange={setEmail}
          errorMessage={emailError}
          autoFocus={!notice}
        />
        <TextField
          ref={passwordRef}
          label={t('passwordLabel')}
          type="password"
          name="password"
          autoComplete="current-password"
          isRequired
          validationBehavior="aria"
          value={password}
          onChange={setPassword}
          errorMessage={passwordError}
        />
        <Button type="submit" isPending={pending}>
          {pending ? t('submitting') : t('submit')}
        </Button>
      </form>
    </div>
  );
}
