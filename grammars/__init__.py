"""Grammar files of the argmap language, shipped as package data."""
