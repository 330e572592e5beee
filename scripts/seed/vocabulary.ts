/** Word lists the generator draws from. ASCII only, so emails lower-case without surprises. */

export interface Locale {
  country: string;
  phonePrefix: string;
  firstNames: readonly string[];
  lastNames: readonly string[];
  cities: readonly string[];
  streets: readonly string[];
}

export const LOCALES: readonly Locale[] = [
  {
    country: 'DE', phonePrefix: '+49',
    firstNames: ['Anna', 'Lukas', 'Sophie', 'Jonas', 'Marie', 'Felix', 'Lena', 'Paul', 'Hannah', 'Max'],
    lastNames: ['Mueller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Hoffmann', 'Koch'],
    cities: ['Berlin', 'Hamburg', 'Munich', 'Cologne', 'Frankfurt', 'Leipzig'],
    streets: ['Hauptstrasse', 'Bahnhofstrasse', 'Gartenweg', 'Lindenallee', 'Schillerstrasse'],
  },
  {
    country: 'FR', phonePrefix: '+33',
    firstNames: ['Camille', 'Louis', 'Chloe', 'Hugo', 'Manon', 'Jules', 'Ines', 'Arthur', 'Lea', 'Gabriel'],
    lastNames: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau'],
    cities: ['Paris', 'Lyon', 'Marseille', 'Toulouse', 'Lille', 'Nantes'],
    streets: ['Rue de la Paix', 'Avenue Victor Hugo', 'Rue du Moulin', 'Boulevard Voltaire', 'Rue des Lilas'],
  },
  {
    country: 'NL', phonePrefix: '+31',
    firstNames: ['Emma', 'Daan', 'Julia', 'Sem', 'Tess', 'Lucas', 'Sara', 'Finn', 'Zoe', 'Milan'],
    lastNames: ['de Jong', 'Jansen', 'de Vries', 'van Dijk', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Bos', 'Mulder'],
    cities: ['Amsterdam', 'Rotterdam', 'Utrecht', 'Eindhoven', 'The Hague'],
    streets: ['Kerkstraat', 'Dorpsstraat', 'Molenweg', 'Stationsplein', 'Prinsengracht'],
  },
  {
    country: 'GB', phonePrefix: '+44',
    firstNames: ['Oliver', 'Amelia', 'George', 'Isla', 'Harry', 'Ava', 'Jack', 'Mia', 'Charlie', 'Grace'],
    lastNames: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Evans', 'Davies', 'Walker', 'Wright'],
    cities: ['London', 'Manchester', 'Bristol', 'Leeds', 'Edinburgh', 'Glasgow'],
    streets: ['High Street', 'Station Road', 'Church Lane', 'Victoria Road', 'Park Avenue'],
  },
  {
    country: 'US', phonePrefix: '+1',
    firstNames: ['James', 'Olivia', 'Liam', 'Emma', 'Noah', 'Sophia', 'Ethan', 'Isabella', 'Mason', 'Harper'],
    lastNames: ['Johnson', 'Miller', 'Davis', 'Garcia', 'Rodriguez', 'Martinez', 'Anderson', 'Clark', 'Lewis', 'Young'],
    cities: ['New York', 'Chicago', 'Austin', 'Seattle', 'Boston', 'Denver'],
    streets: ['Main Street', 'Oak Avenue', 'Maple Drive', 'Elm Street', 'Washington Boulevard'],
  },
  {
    country: 'ES', phonePrefix: '+34',
    firstNames: ['Lucia', 'Hugo', 'Martina', 'Mateo', 'Paula', 'Daniel', 'Sofia', 'Alejandro', 'Carmen', 'Pablo'],
    lastNames: ['Garcia', 'Fernandez', 'Gonzalez', 'Lopez', 'Sanchez', 'Perez', 'Gomez', 'Diaz', 'Ruiz', 'Moreno'],
    cities: ['Madrid', 'Barcelona', 'Valencia', 'Seville', 'Bilbao'],
    streets: ['Calle Mayor', 'Avenida de la Constitucion', 'Calle del Sol', 'Plaza de Espana', 'Calle Real'],
  },
  {
    country: 'IT', phonePrefix: '+39',
    firstNames: ['Giulia', 'Leonardo', 'Francesca', 'Alessandro', 'Chiara', 'Lorenzo', 'Sara', 'Matteo', 'Elena', 'Marco'],
    lastNames: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco'],
    cities: ['Rome', 'Milan', 'Naples', 'Turin', 'Bologna', 'Florence'],
    streets: ['Via Roma', 'Via Garibaldi', 'Corso Italia', 'Via Dante', 'Piazza del Duomo'],
  },
];

/** Country weights for customers (same order as LOCALES). */
export const COUNTRY_WEIGHTS: readonly number[] = [30, 15, 12, 13, 15, 8, 7];

export const EMAIL_DOMAINS: readonly string[] = ['example.com', 'example.org', 'example.net', 'mail.example'];

export const SEGMENT_LIST: readonly (readonly [id: string, name: string, description: string, weight: number])[] = [
  ['seg-smb', 'Small business', 'Companies with fewer than 50 employees', 30],
  ['seg-mid-market', 'Mid-market', 'Companies with 50 to 1000 employees', 20],
  ['seg-enterprise', 'Enterprise', 'Companies with more than 1000 employees', 10],
  ['seg-startup', 'Startups', 'Venture-backed companies younger than five years', 12],
  ['seg-public-sector', 'Public sector', 'Government agencies, schools and hospitals', 8],
  ['seg-consumer', 'Consumers', 'Individual buyers', 20],
];

export const PRODUCT_CATEGORIES: readonly (readonly [category: string, items: readonly string[], minEur: number, maxEur: number])[] = [
  ['Software', ['Analytics Suite', 'CRM Seat', 'Data Connector', 'Reporting Add-on', 'API Access', 'Workflow Engine', 'SSO Module', 'Backup Service'], 49, 1499],
  ['Hardware', ['Laptop Pro 14', 'Docking Station', '4K Monitor', 'Wireless Keyboard', 'Noise-cancelling Headset', 'Webcam HD', 'Tablet 11', 'Barcode Scanner'], 29, 2199],
  ['Services', ['Onboarding Package', 'Training Day', 'Premium Support', 'Migration Service', 'Health Check', 'Custom Integration'], 250, 4900],
  ['Supplies', ['Paper Case', 'Toner Pack', 'Label Roll', 'Cable Kit', 'Cleaning Set', 'Notebook Bundle'], 5, 120],
  ['Subscriptions', ['Starter Plan', 'Team Plan', 'Business Plan', 'Enterprise Plan', 'Storage 1 TB', 'Extra Workspace'], 9, 999],
];

/** Seasonal campaign themes by start month (January first), and themes for any time of year. */
export const SEASONAL_THEMES: readonly string[] = [
  'New Year Kickoff', 'Winter Deals', 'Spring Launch', 'Easter Offers', 'May Upgrade', 'Summer Preview',
  'Summer Sale', 'Holiday Return', 'Back to Work', 'Autumn Upgrade', 'Black Friday', 'Year-end Renewal',
];
export const EVERGREEN_THEMES: readonly string[] = [
  'Webinar Invite', 'Product Tour', 'Loyalty Rewards', 'Win-back', 'Referral Drive', 'Feature Spotlight',
];

export const CONSENT_SOURCES: readonly string[] = ['signup-form', 'checkout', 'preference-center', 'import'];

export const NPS_COMMENTS: Readonly<Record<'promoter' | 'passive' | 'detractor', readonly string[]>> = {
  promoter: ['Great product, would recommend.', 'Support was fast and helpful.', 'Saves our team hours every week.'],
  passive: ['Does the job.', 'Good, but pricing could be clearer.', 'Fine overall, onboarding was slow.'],
  detractor: ['Too many outages lately.', 'Hard to reach support.', 'Missing features we need.'],
};

export const REVIEW_SUMMARIES: readonly (readonly string[])[] = [
  ['Did not meet expectations; a performance plan is agreed.', 'Repeatedly missed commitments this period.'],
  ['Partly met expectations; needs support on priorities.', 'Inconsistent delivery; coaching planned.'],
  ['Met expectations reliably.', 'Solid contributor; delivered the agreed goals.'],
  ['Exceeded expectations on several goals.', 'Strong results and a great team player.'],
  ['Outstanding performance; a role model for the team.', 'Far exceeded goals; ready for more scope.'],
];
