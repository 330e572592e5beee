-- HR: employees, sales quotas, performance reviews.
CREATE TABLE employees (
  id text PRIMARY KEY DEFAULT gen_random_uuid()::text,
  first_name text NOT NULL,
  last_name text NOT NULL,
  email text NOT NULL UNIQUE,
  title text NOT NULL,
  department text NOT NULL CHECK (department IN ('SALES', 'MARKETING', 'IT', 'HR', 'SUPPORT')),
  manager_id text REFERENCES employees(id),
  hired_at timestamptz NOT NULL
);
CREATE INDEX employees_manager_idx ON employees (manager_id, id);
CREATE INDEX employees_last_name_idx ON employees (last_name, id);

CREATE TABLE quotas (
  employee_id text NOT NULL REFERENCES employees(id),
  period text NOT NULL,
  currency char(3) NOT NULL,
  target_minor bigint NOT NULL CHECK (target_minor >= 0),
  PRIMARY KEY (employee_id, period)
);

CREATE TABLE reviews (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  client_key text NOT NULL UNIQUE,
  employee_id text NOT NULL REFERENCES employees(id),
  reviewer_id text REFERENCES employees(id),
  period text NOT NULL,
  rating integer NOT NULL CHECK (rating BETWEEN 1 AND 5),
  summary text NOT NULL,
  reviewed_at timestamptz NOT NULL
);
CREATE INDEX reviews_employee_idx ON reviews (employee_id, reviewed_at DESC);
