import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { Layout } from './components/Layout.tsx';
import { RequireSignIn } from './components/RequireSignIn.tsx';
import { HomePage } from './pages/Home.tsx';

// Every page but the home page is a chunk of its own, loaded when first visited.
const SignInPage = lazy(() => import('./pages/SignIn.tsx'));
const SignUpPage = lazy(() => import('./pages/SignUp.tsx'));
const OnboardingPage = lazy(() => import('./pages/Onboarding.tsx'));
const ProfilePage = lazy(() => import('./pages/Profile.tsx'));
const AdminPage = lazy(() => import('./pages/Admin.tsx'));
const MailboxPage = lazy(() => import('./pages/Mailbox.tsx'));
const ApiDocsPage = lazy(() => import('./pages/ApiDocs.tsx'));
const NotFoundPage = lazy(() => import('./pages/NotFound.tsx'));

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="signin" element={<SignInPage />} />
        <Route path="signup" element={<SignUpPage />} />
        <Route
          path="onboarding"
          element={
            <RequireSignIn>
              <OnboardingPage />
            </RequireSignIn>
          }
        />
        <Route
          path="me"
          element={
            <RequireSignIn>
              <ProfilePage />
            </RequireSignIn>
          }
        />
        <Route
          path="admin"
          element={
            <RequireSignIn>
              <AdminPage />
            </RequireSignIn>
          }
        />
        <Route path="dev/mailbox" element={<MailboxPage />} />
        <Route path="docs/api" element={<ApiDocsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
