import { lazy, type ReactNode } from 'react';
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
const AdminStaffPage = lazy(() => import('./pages/AdminStaff.tsx'));
const AdminPostingsPage = lazy(() => import('./pages/AdminPostings.tsx'));
const AdminAccountsPage = lazy(() => import('./pages/AdminAccounts.tsx'));
const AdminAuditPage = lazy(() => import('./pages/AdminAudit.tsx'));
const AdminFeesPage = lazy(() => import('./pages/AdminFees.tsx'));
const AdminMailPage = lazy(() => import('./pages/AdminMail.tsx'));
const EngagementTermsPage = lazy(() => import('./pages/EngagementTerms.tsx'));
const InvoiceDocumentPage = lazy(() => import('./pages/InvoiceDocument.tsx'));
const MailboxPage = lazy(() => import('./pages/Mailbox.tsx'));
const ApiDocsPage = lazy(() => import('./pages/ApiDocs.tsx'));
const NotFoundPage = lazy(() => import('./pages/NotFound.tsx'));
const ProjectSearchPage = lazy(() => import('./pages/ProjectSearch.tsx'));
const ProjectDetailPage = lazy(() => import('./pages/ProjectDetail.tsx'));
const MyApplicationsPage = lazy(() => import('./pages/MyApplications.tsx'));
const MyProjectsPage = lazy(() => import('./pages/MyProjects.tsx'));
const ProjectEditorPage = lazy(() => import('./pages/ProjectEditor.tsx'));
const ApplicantsPage = lazy(() => import('./pages/Applicants.tsx'));
const EngagementsPage = lazy(() => import('./pages/Engagements.tsx'));
const EngagementPage = lazy(() => import('./pages/Engagement.tsx'));
const PayoutsPage = lazy(() => import('./pages/Payouts.tsx'));
const EarningsPage = lazy(() => import('./pages/Earnings.tsx'));
const TeamsPage = lazy(() => import('./pages/Teams.tsx'));
const TeamPage = lazy(() => import('./pages/Team.tsx'));
const EventsPage = lazy(() => import('./pages/Events.tsx'));
const EventDetailPage = lazy(() => import('./pages/EventDetail.tsx'));
const MyRegistrationsPage = lazy(() => import('./pages/MyRegistrations.tsx'));
const StaffEventsPage = lazy(() => import('./pages/StaffEvents.tsx'));
const EventEditorPage = lazy(() => import('./pages/EventEditor.tsx'));
const EventRegistrationsPage = lazy(() => import('./pages/EventRegistrations.tsx'));
const EventCheckinPage = lazy(() => import('./pages/EventCheckin.tsx'));
const EventDrawPage = lazy(() => import('./pages/EventDraw.tsx'));
const RelationshipPopulationPage = lazy(() => import('./pages/RelationshipPopulation.tsx'));
const SavedSearchesPage = lazy(() => import('./pages/SavedSearches.tsx'));
const UnsubscribePage = lazy(() => import('./pages/Unsubscribe.tsx'));
const RecommendationsPage = lazy(() => import('./pages/Recommendations.tsx'));

const signedIn = (page: ReactNode) => <RequireSignIn>{page}</RequireSignIn>;

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
        <Route path="admin/staff" element={signedIn(<AdminStaffPage />)} />
        <Route path="admin/postings" element={signedIn(<AdminPostingsPage />)} />
        <Route path="admin/accounts" element={signedIn(<AdminAccountsPage />)} />
        <Route path="admin/audit" element={signedIn(<AdminAuditPage />)} />
        <Route path="admin/fees" element={signedIn(<AdminFeesPage />)} />
        <Route path="admin/mail" element={signedIn(<AdminMailPage />)} />
        <Route path="projects" element={<ProjectSearchPage />} />
        <Route path="projects/:id" element={<ProjectDetailPage />} />
        <Route path="my/applications" element={signedIn(<MyApplicationsPage />)} />
        <Route path="my/projects" element={signedIn(<MyProjectsPage />)} />
        <Route path="my/projects/new" element={signedIn(<ProjectEditorPage />)} />
        <Route path="my/projects/:id/edit" element={signedIn(<ProjectEditorPage />)} />
        <Route path="my/projects/:id/applicants" element={signedIn(<ApplicantsPage />)} />
        <Route path="engagements" element={signedIn(<EngagementsPage />)} />
        <Route path="engagements/:id" element={signedIn(<EngagementPage />)} />
        <Route path="engagements/:id/terms" element={signedIn(<EngagementTermsPage />)} />
        <Route path="engagements/:id/terms/:version" element={signedIn(<EngagementTermsPage />)} />
        <Route path="engagements/:id/invoices/:invoiceId/:kind" element={signedIn(<InvoiceDocumentPage />)} />
        <Route path="payouts" element={signedIn(<PayoutsPage />)} />
        <Route path="earnings" element={signedIn(<EarningsPage />)} />
        <Route path="teams" element={signedIn(<TeamsPage />)} />
        <Route path="teams/:id" element={signedIn(<TeamPage />)} />
        <Route path="saved-searches" element={signedIn(<SavedSearchesPage />)} />
        {/* The digest's link: no sign-in, the token in the address is the proof. */}
        <Route path="unsubscribe" element={<UnsubscribePage />} />
        <Route path="recommendations" element={signedIn(<RecommendationsPage />)} />
        <Route path="events" element={<EventsPage />} />
        <Route path="events/:id" element={<EventDetailPage />} />
        <Route path="me/registrations" element={signedIn(<MyRegistrationsPage />)} />
        <Route path="staff/events" element={signedIn(<StaffEventsPage />)} />
        <Route path="staff/events/new" element={signedIn(<EventEditorPage />)} />
        <Route path="staff/events/:id/edit" element={signedIn(<EventEditorPage />)} />
        <Route path="staff/events/:id/registrations" element={signedIn(<EventRegistrationsPage />)} />
        <Route path="staff/events/:id/checkin" element={signedIn(<EventCheckinPage />)} />
        <Route path="staff/events/:id/draw" element={signedIn(<EventDrawPage />)} />
        <Route path="regions/relationship-population" element={signedIn(<RelationshipPopulationPage />)} />
        <Route path="dev/mailbox" element={<MailboxPage />} />
        <Route path="docs/api" element={<ApiDocsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
