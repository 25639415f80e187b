"""marshmallow schemas at the HTTP edge, one module per resource."""
