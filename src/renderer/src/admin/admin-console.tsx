import { useState } from 'react';
import { AuditView } from './audit-view';
import { ClientsProvider } from './clients-context';
import { ClientsView } from './clients-view';
import { PolicyView } from './policy-view';
import { SectionNav } from './section-nav';
import { UsersView } from './users-view';
import './admin.css';

type ConsoleSection = 'users' | 'audit' | 'clients' | 'policy';
const SECTIONS = [
  { id: 'users', title: 'Users' },
  { id: 'audit', title: 'Audit log' },
  { id: 'clients', title: 'API clients' },
  { id: 'policy', title: 'Policy' },
] as const satisfies readonly { id: ConsoleSection; title: string }[];

/** The MFA server's admin console: the users local apps added, their audit, clients and policy. */
export function AdminConsole() {
  const [section, setSection] = useState<ConsoleSection>('users');
  return (
    <ClientsProvider>
      <main className="content admin-console">
        <SectionNav
          label="MFA server"
          sections={SECTIONS}
          current={section}
          onChange={setSection}
          className="admin-tabs"
        />
        <div className="admin-body">
          {section === 'users' && <UsersView />}
          {section === 'audit' && <AuditView />}
          {section === 'clients' && <ClientsView />}
          {section === 'policy' && <PolicyView />}
        </div>
      </main>
    </ClientsProvider>
  );
}
