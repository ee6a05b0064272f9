import i18n from '../../i18n';

export const NAMESPACE = 'sign-in';

const en = {
  title: 'Sign in',
  intro: 'The shared picture of who does what, where — for the mission, agencies, the host government and communities.',
  devTitle: 'Development sign-in',
  devNote: 'Available only while the platform runs embedded: pick an organisation and the roles to act with. The server signs the token.',
  organization: 'Organisation',
  otherOrganization: 'Another organisation (type its identifier)',
  organizationId: 'Organisation identifier',
  organizationIdHint: 'An administrator may sign in for an organisation that is not registered yet.',
  noOrganizations: 'No organisation is registered yet: sign in as an administrator to register them, or seed sample data with npm run seed.',
  roles: 'Roles',
  name: 'Your name (optional)',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  chooseRole: 'Choose at least one role.',
  tokenTitle: 'Sign in with a bearer token',
  tokenNote: 'Deployments that use OpenID Connect: sign in with your identity provider and paste the access token it gives you here.',
  token: 'Bearer token',
  useToken: 'Use this token',
  badToken: 'This token cannot be read, names no organisation or roles, or has expired.',
  failed: 'Sign-in failed: {{message}}',
};

type Messages = typeof en;

const fr: Messages = {
  title: 'Connexion',
  intro: 'La vue commune de qui fait quoi, où — pour la mission, les agences, le gouvernement hôte et les communautés.',
  devTitle: 'Connexion de développement',
  devNote: 'Disponible uniquement quand la plateforme fonctionne en mode intégré : choisissez une organisation et les rôles avec lesquels agir. Le serveur signe le jeton.',
  organization: 'Organisation',
  otherOrganization: 'Une autre organisation (saisir son identifiant)',
  organizationId: 'Identifiant de l’organisation',
  organizationIdHint: 'Un administrateur peut se connecter pour une organisation pas encore enregistrée.',
  noOrganizations: 'Aucune organisation n’est enregistrée : connectez-vous comme administrateur pour les enregistrer, ou chargez des données d’exemple avec npm run seed.',
  roles: 'Rôles',
  name: 'Votre nom (facultatif)',
  signIn: 'Se connecter',
  signingIn: 'Connexion…',
  chooseRole: 'Choisissez au moins un rôle.',
  tokenTitle: 'Se connecter avec un jeton d’accès',
  tokenNote: 'Déploiements avec OpenID Connect : connectez-vous auprès de votre fournisseur d’identité et collez ici le jeton d’accès qu’il vous donne.',
  token: 'Jeton d’accès (bearer)',
  useToken: 'Utiliser ce jeton',
  badToken: 'Ce jeton est illisible, ne nomme ni organisation ni rôles, ou a expiré.',
  failed: 'La connexion a échoué : {{message}}',
};

export const messages = { en, fr };

for (const language of ['en', 'fr'] as const) i18n.addResourceBundle(language, NAMESPACE, messages[language], true, true);
