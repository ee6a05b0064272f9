import { badInput, conflict } from '@coord/kernel';
import { SECTORS, type ActionItem, type DecisionRecorded } from '@coord/contracts';
import type { RecordDecision } from './committee.commands';
import {
  isIsoDate,
  requireChairLiaisonOfficer,
  requireCommittee,
  requireMember,
  requireOpen,
  requireSession,
  requireStarted,
  requireText,
} from './committee.rules';
import type { Committee, CommitteeState } from './committee.state';

// DOMAIN.md: an action item is "what, responsible organisation, due date, location, sector". The
// responsible organisation is a member: a committee commits the organisations at its table, not
// those that never agreed to the action.
const validateActionItem = (committee: Committee, item: ActionItem): ActionItem => {
  requireText('actionItem.description', item.description);
  requireMember(committee, 'actionItem.responsibleId', item.responsibleId);
  if (!isIsoDate(item.dueDate)) throw badInput('actionItem.dueDate', 'dueDate must be a calendar date YYYY-MM-DD');
  const sector = item.sector ?? null;
  if (sector !== null && !SECTORS.includes(sector)) throw badInput('actionItem.sector', `unknown sector ${String(sector)}`);
  const adminCode = item.adminCode ?? null;
  if (adminCode !== null) requireText('actionItem.adminCode', adminCode);
  return { description: item.description, responsibleId: item.responsibleId, dueDate: item.dueDate, sector, adminCode };
};

export const decideRecordDecision = (command: RecordDecision, state: CommitteeState): DecisionRecorded[] => {
  const committee = requireCommittee(state, command.committeeId);
  requireChairLiaisonOfficer(command.actor, committee, 'record a decision');
  const session = requireSession(committee, command.sessionId);
  requireOpen(session, 'record a decision of');
  requireStarted(session, command.at, 'record a decision of');
  // The resolver makes a fresh id; a taken one means a replayed or forged command, not a new decision.
  if (committee.sessions.some((candidate) => candidate.decisionIds.includes(command.decisionId))) {
    throw conflict('ALREADY_EXISTS', `decision ${command.decisionId} is already recorded`);
  }

  requireText('text', command.text);
  const actionItem = command.actionItem ? validateActionItem(committee, command.actionItem) : null;

  return [
    {
      type: 'DecisionRecorded',
      data: {
        committeeId: command.committeeId,
        sessionId: command.sessionId,
        decisionId: command.decisionId,
        text: command.text,
        actionItem,
        recordedAt: command.at.toISOString(),
      },
    },
  ];
};
