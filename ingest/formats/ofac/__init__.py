"""OFAC's own publications: the SDN list as CSV and as advanced XML, and address lists."""
