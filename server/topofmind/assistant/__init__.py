"""Top of Mind for the user's AI assistant: an MCP server over stdio (docs/assistant.md).

``topofmind mcp`` serves tools (today's plan, people, a person's dossier, the pipeline, the
message check, and — unless ``--read-only`` — logging what the user did) and one prompt per message
kind. Every tool validates with the API's marshmallow schemas and calls the same services as the
API; nothing here holds a rule of its own. The package is not named ``mcp`` so that it never
shadows the SDK it is built on.
"""
