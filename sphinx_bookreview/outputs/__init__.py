"""What the build writes besides the pages: structured data, catalog, feed."""
