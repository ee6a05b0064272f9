export const pictureTypeDefs = /* GraphQL */ `
  enum PictureDimension { ORGANIZATION SECTOR ADM1 ADM2 ADM3 MONTH STATUS }

  """
  One row of who does what where: the dimensions grouped by (the others are null) and the sums over
  deliveries, operational presences and agreed actions (an action counts once its plan is approved).
  Grouping by an admin level also groups by the levels above it, so a record known only at a coarser
  level stays under its parent. targeted and reached add up deliveries' and presences' people; they
  are totals, never broken down.
  """
  type PictureRow { organization: Organization sector: Sector location: Location month: String status: DeliveryStatus
    deliveries: Int! targeted: Int! reached: Int! actionsInProgress: Int!
    "Operational presences (3W records) counted in the row."
    presences: Int!
    "Actions of approved plans, neither cancelled nor removed (actionsInProgress are among them)."
    actions: Int!
    "The country, region, district and commune of the row, down to the finest admin level grouped by."
    country: Location
    adm1: Location
    adm2: Location
    adm3: Location }

  type Gap { location: Location! sector: Sector! concerns: Int! highestSeverity: Severity! since: DateTime! }

  type Overlap { location: Location! sector: Sector! organizations: [Organization!]! deliveries: Int! from: Date! to: Date!
    "The period the deliveries share: a calendar month, YYYY-MM."
    month: String! }

  extend type Query {
    """
    Who does what where, grouped by any of the dimensions, at any admin level; asOf gives the
    picture exactly as it stood at that instant (the events that occurred up to it).
    """
    whoWhatWhere(filter: PictureFilter, groupBy: [PictureDimension!]!, asOf: DateTime): [PictureRow!]!
    """
    Places and sectors where concerns were raised within the window and no delivery (neither
    cancelled nor failed), presence or agreed action of that sector covers the place (there, below
    it, or in an admin area above it) within the window.
    """
    gaps(adminCode: ID, from: Date, to: Date): [Gap!]!
    "Two or more organisations delivering in the same sector, district (adm2) and month, planned within the window."
    overlaps(adminCode: ID, from: Date, to: Date): [Overlap!]!
  }

  extend type Subscription {
    "Each cell of the current picture (organisation × sector × area × month × status) as it stands after a change, zeros once emptied."
    pictureChanged(adminCode: ID): PictureRow!
    "A delivery as it is after each change applied to the read model, for those watching an area containing it."
    deliveryChanged(adminCode: ID): AidDelivery!
  }
`;
