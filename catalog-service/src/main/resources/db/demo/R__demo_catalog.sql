-- The demo catalog the local stack starts with: 12 categories x 30 products, deterministic ids,
-- so that a restart (or a second seeding) changes nothing.
INSERT INTO categories (id, name) VALUES
    ('c-shoes', 'Shoes'), ('c-jackets', 'Jackets'), ('c-shirts', 'Shirts'), ('c-bags', 'Bags'),
    ('c-watches', 'Watches'), ('c-audio', 'Audio'), ('c-phones', 'Phones'), ('c-laptops', 'Laptops'),
    ('c-kitchen', 'Kitchen'), ('c-garden', 'Garden'), ('c-books', 'Books'), ('c-toys', 'Toys')
ON CONFLICT (id) DO NOTHING;

INSERT INTO products (id, sku, name, description, price_minor, currency, category_id, stock)
SELECT 'P' || lpad(((c.n - 1) * 30 + i)::text, 5, '0'),
       'SKU-' || upper(substr(c.id, 3, 4)) || '-' || lpad(i::text, 3, '0'),
       (ARRAY['Classic', 'Urban', 'Trail', 'Nordic', 'Studio', 'Vintage', 'Compact', 'Pro', 'Eco', 'Lite'])[1 + i % 10]
           || ' ' || c.name || ' ' || (ARRAY['One', 'Air', 'Max', 'Go', 'Plus', 'Prime'])[1 + i % 6] || ' ' || i,
       'A demo product in ' || c.name || '.',
       (499 + ((c.n * 7919 + i * 104729) % 30000))::bigint,
       'EUR',
       c.id,
       CASE WHEN i % 17 = 0 THEN 0 ELSE 5 + (i * 13) % 200 END
FROM (SELECT id, name, row_number() OVER (ORDER BY id) AS n FROM categories
      WHERE id IN ('c-shoes', 'c-jackets', 'c-shirts', 'c-bags', 'c-watches', 'c-audio', 'c-phones',
                   'c-laptops', 'c-kitchen', 'c-garden', 'c-books', 'c-toys')) c
CROSS JOIN generate_series(1, 30) AS i
ON CONFLICT (id) DO NOTHING;
