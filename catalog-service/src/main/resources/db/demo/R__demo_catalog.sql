-- The demo catalog the local stack starts with: 12 categories x 30 products (P00001..P00360, the ids
-- and categories other tests and the shopper simulation rely on) plus 24 subcategories x 15
-- products (P00361..P00720). Deterministic: a restart (or a second seeding) changes nothing, and a
-- re-run after this file changed refreshes names, descriptions, attributes and images but never
-- prices or stock.
CREATE TEMPORARY TABLE demo_meta (id, name, nouns, features) ON COMMIT DROP AS VALUES
    ('c-audio', 'Audio', ARRAY['Wireless Headphones', 'Bluetooth Speaker', 'Noise Cancelling Earbuds', 'Soundbar', 'Turntable', 'Stereo Amplifier'],
        ARRAY['Active noise cancelling and 30 hours of battery', 'Deep bass with a balanced, detailed sound', 'Pairs in one tap and keeps two devices connected']),
    ('c-bags', 'Bags', ARRAY['Leather Backpack', 'Travel Duffel', 'Laptop Messenger', 'Canvas Tote', 'Hiking Daypack', 'Crossbody Sling'],
        ARRAY['Water resistant with a padded laptop sleeve', 'Fits under an airline seat', 'Hand-stitched seams and brass hardware']),
    ('c-books', 'Books', ARRAY['Mystery Novel', 'Science Fiction Saga', 'Cookbook', 'History of Rome', 'Poetry Collection', 'Travel Guide'],
        ARRAY['A gripping story you will read in one sitting', 'Illustrated hardcover edition', 'Bestseller, translated into twenty languages']),
    ('c-garden', 'Garden', ARRAY['Pruning Shears', 'Garden Hose', 'Raised Planter', 'Compost Bin', 'Solar Lantern', 'Watering Can'],
        ARRAY['Rust-proof steel for years of use', 'Made from recycled plastic', 'Weatherproof for every season']),
    ('c-jackets', 'Jackets', ARRAY['Rain Jacket', 'Down Parka', 'Denim Jacket', 'Fleece Jacket', 'Softshell Jacket', 'Leather Biker Jacket'],
        ARRAY['Waterproof, breathable and packable', 'Warm to minus twenty degrees', 'Relaxed fit with deep pockets']),
    ('c-kitchen', 'Kitchen', ARRAY['Chef Knife', 'Cast Iron Skillet', 'Espresso Machine', 'Stand Mixer', 'Ceramic Teapot', 'Cutting Board'],
        ARRAY['Dishwasher safe and easy to clean', 'Loved by professional cooks', 'Heats evenly for perfect results']),
    ('c-laptops', 'Laptops', ARRAY['Ultrabook', 'Gaming Laptop', 'Convertible Laptop', 'Chromebook', 'Workstation Laptop', 'Student Notebook'],
        ARRAY['All-day battery and a bright 14 inch display', 'Fast SSD storage and 16 GB memory', 'Backlit keyboard and a precise touchpad']),
    ('c-phones', 'Phones', ARRAY['Smartphone', 'Foldable Phone', 'Rugged Phone', 'Phone Case', 'Wireless Charger', 'Screen Protector'],
        ARRAY['Triple camera with night mode', 'Fast charging and a 5000 mAh battery', 'Shock absorbing and drop tested']),
    ('c-shirts', 'Shirts', ARRAY['Oxford Shirt', 'Linen Shirt', 'Flannel Shirt', 'Polo Shirt', 'Graphic Tee', 'Henley Shirt'],
        ARRAY['Soft organic cotton', 'Slim fit that keeps its shape', 'Breathable fabric for warm days']),
    ('c-shoes', 'Shoes', ARRAY['Running Shoes', 'Leather Boots', 'Canvas Sneakers', 'Hiking Boots', 'Suede Loafers', 'Trail Sandals'],
        ARRAY['Cushioned sole for long distances', 'Grippy outsole for wet trails', 'Handmade with a leather lining']),
    ('c-toys', 'Toys', ARRAY['Building Blocks', 'Wooden Train Set', 'Plush Bear', 'Puzzle Game', 'Remote Control Car', 'Science Kit'],
        ARRAY['For ages three and up', 'Sparks creativity and problem solving', 'Safe, non-toxic materials']),
    ('c-watches', 'Watches', ARRAY['Chronograph Watch', 'Smartwatch', 'Diver Watch', 'Field Watch', 'Dress Watch', 'Fitness Tracker'],
        ARRAY['Sapphire crystal and water resistant to 100 m', 'Heart rate, sleep and GPS tracking', 'Automatic movement with a date window']);

CREATE TEMPORARY TABLE demo_subs (id, parent, name, nouns, features) ON COMMIT DROP AS VALUES
    ('c-audio-headphones', 'c-audio', 'Headphones', ARRAY['Over-Ear Headphones', 'Studio Monitor Headphones', 'Sport Earbuds'], ARRAY['Memory foam ear cushions', 'Sweat resistant for workouts']),
    ('c-audio-speakers', 'c-audio', 'Speakers', ARRAY['Portable Speaker', 'Smart Speaker', 'Bookshelf Speakers'], ARRAY['Room-filling sound', 'Voice assistant built in']),
    ('c-bags-travel', 'c-bags', 'Travel Bags', ARRAY['Carry-On Suitcase', 'Weekender Bag', 'Packing Cubes'], ARRAY['Spinner wheels and a TSA lock', 'Lightweight and tough']),
    ('c-bags-work', 'c-bags', 'Work Bags', ARRAY['Briefcase', 'Laptop Backpack', 'Document Folio'], ARRAY['Fits a 16 inch laptop', 'Quick access pockets']),
    ('c-books-fiction', 'c-books', 'Fiction', ARRAY['Fantasy Novel', 'Crime Thriller', 'Romance Novel'], ARRAY['The first book of a trilogy', 'Award-winning author']),
    ('c-books-cooking', 'c-books', 'Cooking', ARRAY['Baking Book', 'Vegetarian Cookbook', 'Italian Cookbook'], ARRAY['Over one hundred tested recipes', 'Step by step photos']),
    ('c-garden-tools', 'c-garden', 'Garden Tools', ARRAY['Spade', 'Rake', 'Hedge Trimmer'], ARRAY['Ash wood handle', 'Cordless with a long battery life']),
    ('c-garden-furniture', 'c-garden', 'Garden Furniture', ARRAY['Patio Chair', 'Garden Bench', 'Hammock'], ARRAY['Teak wood that weathers beautifully', 'Folds flat for winter']),
    ('c-jackets-outdoor', 'c-jackets', 'Outdoor Jackets', ARRAY['Hardshell Jacket', 'Insulated Vest', 'Windbreaker'], ARRAY['Taped seams keep out the storm', 'Light enough for a summit push']),
    ('c-jackets-city', 'c-jackets', 'City Jackets', ARRAY['Trench Coat', 'Wool Coat', 'Bomber Jacket'], ARRAY['Tailored fit for the office', 'Classic style that lasts']),
    ('c-kitchen-coffee', 'c-kitchen', 'Coffee', ARRAY['Coffee Grinder', 'Pour-Over Kettle', 'French Press'], ARRAY['Burr grinder for an even grind', 'Precise temperature control']),
    ('c-kitchen-cookware', 'c-kitchen', 'Cookware', ARRAY['Stainless Saucepan', 'Dutch Oven', 'Nonstick Pan'], ARRAY['Works on induction hobs', 'Oven safe to 250 degrees']),
    ('c-laptops-gaming', 'c-laptops', 'Gaming Laptops', ARRAY['Gaming Laptop RTX', 'Esports Laptop', 'Creator Laptop'], ARRAY['High refresh rate display', 'Dedicated graphics card']),
    ('c-laptops-accessories', 'c-laptops', 'Laptop Accessories', ARRAY['Laptop Stand', 'USB-C Dock', 'Wireless Mouse'], ARRAY['Aluminium build', 'One cable for everything']),
    ('c-phones-accessories', 'c-phones', 'Phone Accessories', ARRAY['Power Bank', 'Car Mount', 'Charging Cable'], ARRAY['Charges a phone three times', 'Braided and tangle free']),
    ('c-phones-refurbished', 'c-phones', 'Refurbished Phones', ARRAY['Refurbished Smartphone', 'Refurbished Flagship Phone', 'Refurbished Compact Phone'], ARRAY['Tested and certified', 'Twelve month warranty']),
    ('c-shirts-formal', 'c-shirts', 'Formal Shirts', ARRAY['Dress Shirt', 'Tuxedo Shirt', 'Non-Iron Shirt'], ARRAY['Crisp all day', 'French cuffs']),
    ('c-shirts-casual', 'c-shirts', 'Casual Shirts', ARRAY['Chambray Shirt', 'Hawaiian Shirt', 'Overshirt'], ARRAY['Relaxed weekend fit', 'Garment dyed colour']),
    ('c-shoes-running', 'c-shoes', 'Running Shoes', ARRAY['Road Running Shoes', 'Trail Running Shoes', 'Racing Flats'], ARRAY['Carbon plate for speed', 'Responsive foam midsole']),
    ('c-shoes-boots', 'c-shoes', 'Boots', ARRAY['Chelsea Boots', 'Winter Boots', 'Work Boots'], ARRAY['Waterproof leather', 'Steel toe protection']),
    ('c-toys-games', 'c-toys', 'Board Games', ARRAY['Strategy Board Game', 'Card Game', 'Family Quiz Game'], ARRAY['For two to six players', 'Games last about an hour']),
    ('c-toys-outdoor', 'c-toys', 'Outdoor Toys', ARRAY['Kick Scooter', 'Water Blaster', 'Kite'], ARRAY['Adjustable handlebar', 'Hours of fun in the sun']),
    ('c-watches-smart', 'c-watches', 'Smartwatches', ARRAY['GPS Smartwatch', 'Hybrid Smartwatch', 'Kids Smartwatch'], ARRAY['Seven day battery life', 'Notifications on your wrist']),
    ('c-watches-luxury', 'c-watches', 'Luxury Watches', ARRAY['Automatic Watch', 'Gold Dress Watch', 'Moonphase Watch'], ARRAY['Swiss made movement', 'Exhibition case back']);

INSERT INTO categories (id, name) SELECT id, name FROM demo_meta ON CONFLICT (id) DO NOTHING;
INSERT INTO categories (id, name, parent_id) SELECT id, name, parent FROM demo_subs ON CONFLICT (id) DO NOTHING;

WITH words (adjectives, models, brands, colors) AS (VALUES (
    ARRAY['Classic', 'Urban', 'Trail', 'Nordic', 'Studio', 'Vintage', 'Compact', 'Pro', 'Eco', 'Lite'],
    ARRAY['One', 'Air', 'Max', 'Go', 'Plus', 'Prime'],
    ARRAY['Aurora', 'Boreal', 'Cobalt', 'Dune', 'Ember', 'Fjord', 'Granite', 'Harbor'],
    ARRAY['black', 'white', 'navy', 'olive', 'red', 'grey', 'sand', 'teal'])),
-- n numbers the top categories in id order, as the first demo catalog did: P00001..P00030 are Audio.
numbered AS (SELECT m.*, row_number() OVER (ORDER BY m.id) AS n FROM demo_meta m),
numbered_subs AS (SELECT s.*, row_number() OVER (ORDER BY s.id) AS n FROM demo_subs s),
demo_rows AS (
    SELECT 'P' || lpad(((c.n - 1) * 30 + i)::text, 5, '0') AS id,
           'SKU-' || upper(substr(c.id, 3, 4)) || '-' || lpad(i::text, 3, '0') AS sku,
           c.id AS category_id, c.nouns[1 + i % 6] AS noun, c.features[1 + i % 3] AS feature,
           (499 + ((c.n * 7919 + i * 104729) % 30000))::bigint AS price_minor,
           CASE WHEN i % 17 = 0 THEN 0 ELSE 5 + (i * 13) % 200 END AS stock, i
    FROM numbered c CROSS JOIN generate_series(1, 30) AS i
    UNION ALL
    SELECT 'P' || lpad((360 + (s.n - 1) * 15 + i)::text, 5, '0'),
           'SKU-' || upper(substr(s.id, 3)) || '-' || lpad(i::text, 3, '0'),
           s.id, s.nouns[1 + i % 3], s.features[1 + i % 2],
           (999 + ((s.n * 6007 + i * 7727) % 50000))::bigint,
           CASE WHEN i % 7 = 0 THEN 0 ELSE 3 + (i * 11) % 90 END, i
    FROM numbered_subs s CROSS JOIN generate_series(1, 15) AS i)
INSERT INTO products (id, sku, name, description, price_minor, currency, category_id, stock, attributes, image_urls)
SELECT r.id, r.sku,
       w.adjectives[1 + r.i % 10] || ' ' || r.noun || ' ' || w.models[1 + r.i % 6] || ' ' || r.i,
       'A ' || lower(w.adjectives[1 + r.i % 10]) || ' ' || lower(r.noun) || ' by ' || w.brands[1 + (r.i * 7) % 8]
           || ' in ' || w.colors[1 + r.i % 8] || '. ' || r.feature || '.',
       r.price_minor, 'EUR', r.category_id, r.stock,
       jsonb_build_object('brand', w.brands[1 + (r.i * 7) % 8], 'color', w.colors[1 + r.i % 8]),
       jsonb_build_array('https://img.shopverse.dev/products/' || r.id || '/1.jpg')
FROM demo_rows r CROSS JOIN words w
ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description,
    attributes = EXCLUDED.attributes, image_urls = EXCLUDED.image_urls;
