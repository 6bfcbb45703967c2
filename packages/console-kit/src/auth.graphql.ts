import { gql } from '@urql/core';
import type { Viewer } from './console-context.tsx';

export interface AgentFields {
  displayName: string;
  email: string;
  roles: { role: string; communes: { name: string }[] }[];
}

export function viewerFromAgent(agent: AgentFields): Viewer {
  return {
    displayName: agent.displayName,
    email: agent.email,
    roles: agent.roles.map((grant) => ({ role: grant.role, communes: grant.communes.map((commune) => commune.name) })),
  };
}

export const AgentFieldsFragment = gql`
  fragment SessionAgent on Agent {
    displayName
    email
    roles {
      role
      communes {
        name
      }
    }
  }
`;

export type LoginResult =
  | { __typename: 'LoginSuccess'; token: string; expiresAt: string; agent: AgentFields | null }
  | { __typename: 'UnauthenticatedError' | 'RateLimitedError'; code: string; message: string };

export const LoginMutation = gql<{ login: LoginResult | null }, { input: { email: string; password: string } }>`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      __typename
      ... on LoginSuccess {
        token
        expiresAt
        agent {
          ...SessionAgent
        }
      }
      ... on Error {
        code
        message
      }
    }
  }
  ${AgentFieldsFragment}
`;

export const LogoutMutation = gql<{ logout: { __typename: string } | null }, { input: Record<string, never> }>`
  mutation Logout($input: LogoutInput!) {
    logout(input: $input) {
      __typename
    }
  }
`;
