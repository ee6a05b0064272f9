import { badInput, conflict, DomainError, forbidden, hasRole } from '@coord/kernel';
import type { CommitteeFormed } from '@coord/contracts';
import type { FormCommittee } from './committee.commands';
import { requireDistinctIds, requireText } from './committee.rules';
import type { CommitteeState } from './committee.state';

export const decideFormCommittee = (command: FormCommittee, state: CommitteeState): CommitteeFormed[] => {
  const { actor } = command;
  // DOMAIN.md: the mission liaison office forms committees; an ADMIN may stand in. Either acts for
  // its own organisation, which chairs the committee it forms.
  if (!hasRole(actor, 'LIAISON_OFFICER', 'ADMIN')) throw forbidden('only a liaison officer or an admin may form a committee');
  if (command.chairId !== actor.organizationId) {
    throw forbidden("a committee may be formed only with the officer's own organisation in the chair");
  }
  // ARCHITECTURE.md "one stream per record": forming opens the stream, so it must not exist yet.
  if (state.status !== 'None') throw conflict('ALREADY_EXISTS', `committee ${command.committeeId} is already formed`);

  requireText('name', command.name);
  requireDistinctIds('memberIds', command.memberIds);
  // DOMAIN.md "a chair organisation and member organisations": the chair sits in the committee.
  if (!command.memberIds.includes(command.chairId)) {
    throw new DomainError('BAD_USER_INPUT', 'the chair organisation must be one of the members', {
      field: 'memberIds',
      reason: 'CHAIR_NOT_MEMBER',
    });
  }
  // A joint committee brings at least two organisations together.
  if (command.memberIds.length < 2) throw badInput('memberIds', 'a committee needs the chair and at least one other member');
  const adminCode = command.adminCode ?? null;
  if (adminCode !== null) requireText('adminCode', adminCode);

  return [
    {
      type: 'CommitteeFormed',
      data: {
        committeeId: command.committeeId,
        name: command.name,
        chairId: command.chairId,
        memberIds: command.memberIds,
        adminCode,
        formedAt: command.at.toISOString(),
      },
    },
  ];
};
